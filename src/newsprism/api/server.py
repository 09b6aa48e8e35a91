"""``newsprism serve``: open the store, make the write token on first start, run uvicorn.

The token is printed once, on the first start over a database; only its scrypt hash is stored.
One worker process: DuckDB allows one writing process per file. The server holds the file
read-only between writes (see ``state.ApiState``), so ``newsprism export`` can read it meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from newsprism.api.app import create_app
from newsprism.api.auth import ensure_token
from newsprism.api.state import DEFAULT_MAX_BYTES, ApiConfig
from newsprism.store import Store
from newsprism.terminal import terminal_safe

if TYPE_CHECKING:
    from newsprism.compare.embeddings import EncoderKind


def run(
    db: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    model: str | None = None,
    encoder: EncoderKind | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_hosts: tuple[str, ...] = (),
) -> None:
    """Serve the API and the web UI over ``db`` until interrupted."""
    with Store(db) as store:
        token = ensure_token(store)
    if token is not None:
        print("newsprism: write token for this database (shown once, keep it):", flush=True)
        print(f"  {token}", flush=True)
    else:
        print("newsprism: write token already set for this database", flush=True)
    config = ApiConfig(model=model, encoder=encoder, max_bytes=max_bytes, host=host, port=port,
                       allow_hosts=allow_hosts)
    app = create_app(db, config)
    print(terminal_safe(f"newsprism: serving {db} on http://{host}:{port}/  (API docs: /docs)"), flush=True)
    uvicorn.run(app, host=host, port=port, workers=1, log_level="warning")
