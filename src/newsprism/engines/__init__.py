"""Engines: where the pipeline's stage functions run.

* ``local`` (the default): every stage in this process (``pipeline.LOCAL``).
* ``ray``: the same stage functions spread over the processes of a Ray cluster, a local one or
  one joined by address (``engines.ray_engine``; needs the optional extra ``newsprism[ray]``).

Both give the same analysis; the store is written by one writer, in this process, either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the pipeline (spaCy and all) is imported only when an engine is opened, so
    from newsprism.pipeline import Engine  # a Ray worker importing engines.ray_tasks stays light

EngineName = Literal["local", "ray"]
ENGINES: tuple[str, ...] = ("local", "ray")


@contextmanager
def open_engine(name: str, address: str | None = None, workers: int | None = None) -> Iterator[Engine]:
    """The engine called ``name``, ready for the length of the block. ``address`` (a Ray cluster
    to join) and ``workers`` (processes to spread work over) apply to the ray engine only."""
    if name == "local":
        from newsprism.pipeline import LOCAL

        yield LOCAL
    elif name == "ray":
        from newsprism.engines.ray_engine import ray_engine

        with ray_engine(address=address, workers=workers) as engine:
            yield engine
    else:
        raise ValueError(f"unknown engine {name!r}; expected one of {', '.join(ENGINES)}")
