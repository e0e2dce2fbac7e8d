"""`rasd serve`: the HTTP API and dashboard over a store (docs/serve.md); a thin call into rasd.serve."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from rasd.errors import RasdError
from rasd.settings import DEFAULT_SETTINGS
from rasd.store.db import DEFAULT_DB

err = Console(stderr=True)


def is_loopback(host: str) -> bool:
    """``127.0.0.1``, ``::1`` and ``localhost`` are reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store (opened read-only).")] = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default is this machine only.")
    ] = DEFAULT_SETTINGS.serve_host,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_SETTINGS.serve_port,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Origin allowed to call the API from a browser; repeatable. Default: none."),
    ] = None,
) -> None:
    """Serve the read-only HTTP API (/api, schema at /api/openapi.json) and the dashboard (/).

    Example: rasd ingest examples/ --db x.duckdb && rasd serve --db x.duckdb  # then open http://127.0.0.1:8000
    """
    import uvicorn

    from rasd.serve import create_app

    settings = DEFAULT_SETTINGS
    try:
        app = create_app(db, settings, cors_origins=tuple(cors_origin or ()))
    except RasdError as exc:
        err.print(f"[red]Error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if not is_loopback(host):
        err.print(
            f"[yellow]Warning:[/yellow] listening on {escape(host)}: the store is readable by anyone who can reach "
            "this address (the API has no authentication)",
            highlight=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(f"rasd serve: {escape(str(db))} at http://{escape(shown)}:{port}/", highlight=False)
    uvicorn.run(
        app,
        host=host,
        port=port,
        limit_concurrency=settings.serve_max_concurrency,
        timeout_keep_alive=5,
        server_header=False,
        log_level="info",
    )


def register(app: typer.Typer) -> None:
    """Add ``rasd serve`` to the CLI."""
    app.command("serve")(serve)
