"""The dashboard's files, shipped in the package (``rasd/serve/static``) and served from memory.

The files are read once when the app is made, into a table keyed by file name. A request names a key or
gets 404: no path from a request is ever joined to a folder, so ``..``, encoded slashes or absolute
paths cannot reach any other file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

from starlette.requests import Request
from starlette.responses import Response

from rasd.serve.errors import error_response

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str
    etag: str


def load_assets() -> dict[str, Asset]:
    """Every file of ``static/`` with a known type, by name (one flat folder)."""
    assets: dict[str, Asset] = {}
    for entry in resources.files("rasd.serve").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if entry.is_file() and suffix in MEDIA_TYPES:
            body = entry.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            assets[entry.name] = Asset(body, MEDIA_TYPES[suffix], etag)
    return assets


def asset_response(assets: dict[str, Asset], name: str, request: Request) -> Response:
    """The asset ``name`` (304 when the client holds this version), or the 404 error shape."""
    asset = assets.get(name)
    if asset is None:
        return error_response(404, "H404", "no such file")
    headers = {"etag": asset.etag, "cache-control": "no-cache"}
    if request.headers.get("if-none-match") == asset.etag:
        return Response(status_code=304, headers=headers)
    return Response(asset.body, media_type=asset.media_type, headers=headers)
