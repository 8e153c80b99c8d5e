"""A scriptable HTTP server on 127.0.0.1 for the tests: it records requests and plays queued replies.

    with Loopback() as server:
        server.reply(200, {"id": "x"})                 # JSON body
        server.reply(503, "busy", headers={"Retry-After": "0"})
        server.reply_raw(b"HTTP/1.1 200 OK\\r\\n...")   # exact bytes, then close
        server.reply_fn(lambda request, conn: ...)     # full control of the socket
        session = Session(api_key="sk-test", server_url=server.url)
        ...
        server.requests[0].json()

With nothing queued it answers 200 with `server.default` (an empty JSON object).
"""

import json
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(urlsplit(self.target).query, keep_blank_values=True)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    def json(self) -> Any:
        return json.loads(self.body)


Handler = Callable[[Recorded, socket.socket], None]


@dataclass
class Loopback:
    """A threaded HTTP/1.1 server; each connection serves requests until the client closes it."""

    default: Any = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    max_body: int = 1 << 31
    keep_body: bool = True

    def __post_init__(self) -> None:
        self._queue: list[Handler] = []
        self._fallback: Handler | None = None
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(128)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._conns: list[socket.socket] = []

    # -- scripting -------------------------------------------------------------------------
    def reply(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        """Queue one reply: a JSON body (dict/list), a str or bytes body, or None for an empty one."""
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode()
            ctype = "application/json"
        elif isinstance(body, str):
            data = body.encode()
            ctype = "text/plain; charset=utf-8"
        else:
            data = body or b""
            ctype = "application/octet-stream"
        hdrs = {"Content-Type": ctype, **(headers or {})}

        def handler(_: Recorded, conn: socket.socket) -> None:
            send_response(conn, status, data, hdrs)

        self.reply_fn(handler)

    def reply_sse(self, events: Iterable[bytes | str], chunked: bool = True, pause: float = 0.0) -> None:
        """Queue a text/event-stream reply sent as the given raw pieces (cut anywhere), then close."""
        pieces = [e.encode() if isinstance(e, str) else e for e in events]

        def handler(_: Recorded, conn: socket.socket) -> None:
            head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else "Connection: close\r\n\r\n"
            conn.sendall(head.encode())
            for piece in pieces:
                if pause:
                    time.sleep(pause)
                conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            if chunked:
                conn.sendall(b"0\r\n\r\n")
            conn.shutdown(socket.SHUT_WR)
            raise _Close

        self.reply_fn(handler)

    def reply_raw(self, data: bytes, close: bool = True) -> None:
        """Queue exact bytes to send back, then close the connection."""

        def handler(_: Recorded, conn: socket.socket) -> None:
            conn.sendall(data)
            if close:
                raise _Close

        self.reply_fn(handler)

    def reply_fn(self, handler: Handler) -> None:
        with self._lock:
            self._queue.append(handler)

    def answer_all(self, handler: Handler | None) -> None:
        """Answer every request with `handler` once the queued replies are used up (None: `default`)."""
        self._fallback = handler

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "Loopback":
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in another thread
        except OSError:
            pass
        try:
            self._sock.close()
        except OSError:
            pass
        for conn in list(self._conns):
            try:
                conn.close()
            except OSError:
                pass

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        try:
            while not self._stop.is_set():
                request = read_request(reader, self.keep_body)
                if request is None:
                    return
                self.requests.append(request)
                with self._lock:
                    handler = self._queue.pop(0) if self._queue else self._fallback
                if handler is None:
                    send_response(conn, 200, json.dumps(self.default).encode(), {"Content-Type": "application/json"})
                else:
                    handler(request, conn)
        except (_Close, OSError):
            pass
        finally:
            try:
                reader.close()
                conn.close()
            except OSError:
                pass
            if conn in self._conns:
                self._conns.remove(conn)


class _Close(Exception):
    """Raised by a handler to close the connection after replying."""


def read_request(reader: Any, keep_body: bool = True) -> Recorded | None:
    line = reader.readline()
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        h = reader.readline()
        if h in (b"\r\n", b"\n", b""):
            break
        k, v = h.decode("latin-1").split(":", 1)
        headers[k.strip()] = v.strip()
    lower = {k.lower(): v for k, v in headers.items()}
    body = bytearray()
    if "content-length" in lower:
        remaining = int(lower["content-length"])
        while remaining:
            chunk = reader.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
            if keep_body:
                body += chunk
    elif lower.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size_line = reader.readline()
            if not size_line.strip():
                return None  # the client gave up half-way through the body
            size = int(size_line.split(b";")[0], 16)
            if size == 0:
                reader.readline()
                break
            chunk = reader.read(size)
            reader.readline()
            if keep_body:
                body += chunk
    return Recorded(method, target, headers, bytes(body))


def send_response(conn: socket.socket, status: int, body: bytes, headers: dict[str, str]) -> None:
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)


_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
