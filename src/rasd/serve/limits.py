"""Request limits and security headers, as one pure ASGI middleware in front of the app.

* URL length: a path and query longer than ``serve_max_url_chars`` is refused with 414 before routing.
* Bodies: the API only reads, so a request that declares a body (Content-Length above 0, or
  Transfer-Encoding) is refused with 413 without reading it.
* Rate: one token bucket per client address, refilled at ``serve_rate_per_s`` and holding at most
  ``serve_rate_burst`` tokens; a request finding it empty gets 429 with Retry-After. Buckets live in this
  process only (one uvicorn worker), and clients behind one proxy share one bucket.
* Every response carries a Content-Security-Policy that allows only the app's own scripts, styles and
  images (the dashboard needs nothing else), and nosniff / no-referrer / no framing.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rasd.serve.errors import error_response
from rasd.settings import Settings

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class TokenBuckets:
    """Per-key token buckets; the least recently seen keys are forgotten beyond ``max_keys`` so that a
    flood of addresses cannot grow memory without bound (a forgotten key starts again full)."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000
    ) -> None:
        self.rate, self.burst, self.clock, self.max_keys = rate, burst, clock, max_keys
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str) -> float:
        """Take one token for ``key``: 0 when granted, else the seconds until one is available."""
        now = self.clock()
        tokens, then = self.buckets.pop(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate if self.rate > 0 else math.inf
        self.buckets[key] = (tokens, now)
        while len(self.buckets) > self.max_keys:
            self.buckets.popitem(last=False)
        return wait


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return bytes(value)
    return None


class Limits:
    """The middleware; see the module's docstring for what it refuses and adds."""

    def __init__(self, app: ASGIApp, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.settings = settings
        self.buckets = TokenBuckets(settings.serve_rate_per_s, settings.serve_rate_burst, clock)

    def refusal(self, scope: Scope) -> Any | None:
        """The error response for a request over a limit, or None to let it through."""
        s = self.settings
        url_chars = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b"")) + 1
        if url_chars > s.serve_max_url_chars:
            return error_response(414, "H414", f"the URL is longer than {s.serve_max_url_chars} characters")
        length = _header(scope, b"content-length")
        if _header(scope, b"transfer-encoding") is not None or (
            length is not None and length.strip() not in (b"0", b"")
        ):
            return error_response(413, "H413", "rasd serve is read-only and accepts no request body")
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "unknown")
        if wait > 0:
            retry = str(max(1, math.ceil(wait))) if math.isfinite(wait) else "60"
            message = f"more than {s.serve_rate_per_s:g} requests per second from this client; retry in {retry} s"
            return error_response(429, "H429", message, {"retry-after": retry})
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": headers}
            await send(message)

        refused = self.refusal(scope)
        if refused is not None:
            await refused(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)
