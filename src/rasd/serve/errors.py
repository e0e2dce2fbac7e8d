"""One error shape for every failure: ``{"error": {"code", "status", "message"}}``.

rasd's own errors keep their codes (Q400 a refused parameter, S500 the store unavailable); failures of
HTTP itself get ``H`` and the status (H404, H405, H413, H414, H429, H500). A 500 never shows a traceback:
the message says to look at the server log, where the exception is written.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from rasd.errors import QueryError, StoreError
from rasd.serve.models import ErrorResponse

log = logging.getLogger("rasd.serve")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A parameter is refused (Q400); the message says what is allowed."},
    429: {"model": ErrorResponse, "description": "Too many requests from this client (H429); see Retry-After."},
    503: {"model": ErrorResponse, "description": "The store cannot be read (S500)."},
}


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "status": status, "message": message}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def validation_message(errors: Sequence[Any]) -> str:
    """``limit: Input should be less than or equal to 500`` for the first refused parameter."""
    if not errors:
        return "invalid request"
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path")]
    where = ".".join(loc) or "request"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid value')}{more}"


async def _query_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, QueryError)
    return error_response(400, exc.code, exc.message)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    return error_response(503, exc.code, exc.message)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(400, QueryError.code, validation_message(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "request refused"
    return error_response(exc.status_code, f"H{exc.status_code}", message, exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "H500", "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Route every kind of failure to the one shape."""
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
