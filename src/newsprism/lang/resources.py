"""The one reader of the data files shipped in ``newsprism/resources``.

Every stage reads its word lists and tables through here: ``read_text`` (a whole file),
``lines`` (the data lines of a list or table: blank lines and lines starting with ``#`` left
out, each line as written) and ``load_json`` (a JSON file, parsed once per process). Each
resource file states its source in its header.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

PACKAGE = "newsprism.resources"


def read_text(name: str) -> str:
    """The text of ``newsprism/resources/<name>`` (UTF-8)."""
    return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")


def lines(name: str) -> list[str]:
    """The data lines of a resource: neither blank nor a comment (a line starting with ``#``)."""
    return [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON resource, parsed once per process (callers must not change what it returns)."""
    return json.loads(read_text(name))
