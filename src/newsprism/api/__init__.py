"""The REST API and web UI server (FastAPI + uvicorn) over the DuckDB store.

``create_app(db, config)`` builds the app over a DuckDB file; ``server.run`` is what ``newsprism serve`` calls.
"""

from newsprism.api.app import create_app
from newsprism.api.state import ApiConfig

__all__ = ["ApiConfig", "create_app"]
