"""ASGI middleware of the workbench server: security headers, a request body
limit and a Host check (a page on another site cannot reach the loopback
server through a DNS name it controls)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'")

SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


async def _plain(send: Send, status: int, text: str, as_json: bool = False) -> None:
    import json

    body = json.dumps({"detail": text}).encode() if as_json else text.encode()
    kind = b"application/json" if as_json else b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind),
               (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = [*kept, *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses (413) a request whose body is larger than ``max_bytes``, whether it
    says so in Content-Length or streams more than it."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _plain(send, 400, "bad Content-Length")
                    return
                if declared > self.max_bytes:
                    await _plain(send, 413, f"request body over {self.max_bytes} bytes")
                    return
        chunks: list[bytes] = []
        seen = 0
        more = True
        while more:                       # read the body first, refusing it past the limit
            message = await receive()
            if message["type"] != "http.request":
                return                    # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await _plain(send, 413, f"request body over {self.max_bytes} bytes")
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class HostCheck:
    """Answers 400 unless the Host header names one of ``allowed`` (no port);
    ``*`` allows any host."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]):
        self.app = app
        self.allowed = {h.lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = value.decode("latin-1").lower()
        name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        if name not in self.allowed:
            await _plain(send, 400, "unexpected Host header")
            return
        await self.app(scope, receive, send)


class ControlCharacters:
    """Answers 422 to a query string or path holding control characters (a NUL ends SQLite's
    LIKE pattern early, so one would match every row); no route ever needs them."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            from urllib.parse import unquote_to_bytes

            raw = unquote_to_bytes(scope.get("query_string", b"") or b"") + \
                unquote_to_bytes(scope.get("raw_path", b"") or scope.get("path", "").encode())
            if any(byte < 0x20 or byte == 0x7F for byte in raw):
                await _plain(send, 422, "control characters are not allowed in the request",
                             as_json=scope.get("path", "").startswith("/api"))
                return
        await self.app(scope, receive, send)


class RateLimit:
    """Answers 429 when one client sends requests faster than a token bucket allows: a
    generous bucket for reads, a small one for writes (``POST /api/documents`` runs the
    whole pipeline)."""

    def __init__(self, app: ASGIApp, reads_per_second: float = 200.0, read_burst: int = 600,
                 writes_per_minute: float = 30.0, write_burst: int = 10):
        import time

        self.app = app
        self.clock = time.monotonic
        self.rates = {"read": (reads_per_second, read_burst), "write": (writes_per_minute / 60.0, write_burst)}
        self.buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def _allow(self, client: str, kind: str) -> bool:
        rate, burst = self.rates[kind]
        now = self.clock()
        tokens, seen = self.buckets.get((client, kind), (float(burst), now))
        tokens = min(float(burst), tokens + (now - seen) * rate)
        if tokens < 1.0:
            self.buckets[(client, kind)] = (tokens, now)
            return False
        self.buckets[(client, kind)] = (tokens - 1.0, now)
        if len(self.buckets) > 10_000:                   # forget idle clients
            self.buckets = {k: v for k, v in self.buckets.items() if now - v[1] < 60}
        return True

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            client = (scope.get("client") or ("?", 0))[0]
            kind = "write" if scope.get("method") not in ("GET", "HEAD", "OPTIONS") else "read"
            if not self._allow(client, kind):
                await _plain(send, 429, "too many requests", as_json=scope.get("path", "").startswith("/api"))
                return
        await self.app(scope, receive, send)
