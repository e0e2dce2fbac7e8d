"""The app: the JSON API under ``/api``, the dashboard at ``/``, one error shape, request limits.

The store is opened once, read-only, with DuckDB's external access off and its configuration locked
(``rasd.store.db.connect``); each request works on its own cursor of that connection. While the app runs
it holds DuckDB's read lock on the file, so an ingest into the same file waits for it to stop.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from starlette.responses import Response

from rasd import __version__
from rasd.serve import errors
from rasd.serve.limits import Limits
from rasd.serve.routes import build_router
from rasd.serve.static import asset_response, load_assets
from rasd.settings import DEFAULT_SETTINGS, Settings
from rasd.store.db import DbPath, connect

DESCRIPTION = """Read-only questions over a rasd store: events with the filters of `rasd events`, the timeline
of a pair, actors and pairs, partnership statements, documents with their annotated spans, and counts.
Every error has the shape `{"error": {"code", "status", "message"}}`."""


def _tidy_openapi(app: FastAPI) -> None:
    """Describe validation failures as the 400 they are answered with, not FastAPI's default 422."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                operation.get("responses", {}).pop("422", None)
        components = schema.get("components", {}).get("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]


class ReadOnlyStore:
    """The app's one read-only connection, opened when the app is made (so a bad path fails at once),
    closed when the server shuts down and opened again by the next request if the app is started
    again (test clients start and stop an app many times)."""

    def __init__(self, path: DbPath) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.con: duckdb.DuckDBPyConnection | None = connect(path, read_only=True)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one request; cursors of one connection may run in parallel threads."""
        with self.lock:
            if self.con is None:
                self.con = connect(self.path, read_only=True)
            return self.con.cursor()

    def close(self) -> None:
        with self.lock:
            if self.con is not None:
                self.con.close()
                self.con = None


def create_app(db: DbPath, settings: Settings = DEFAULT_SETTINGS, cors_origins: Sequence[str] = ()) -> FastAPI:
    """The app over the store at ``db`` (StoreError now if it cannot be opened read-only). CORS stays off
    unless ``cors_origins`` names the origins allowed to read the API from a browser."""
    store = ReadOnlyStore(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="rasd",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the schema itself is served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = store
    app.state.settings = settings
    errors.install(app)
    app.include_router(build_router(settings))
    assets = load_assets()

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> Response:
        return asset_response(assets, "index.html", request)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        return asset_response(assets, name, request)

    if cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"], allow_credentials=False
        )
    app.add_middleware(Limits, settings=settings)
    _tidy_openapi(app)
    return app
