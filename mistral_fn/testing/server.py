"""`MockServer`: a local stand-in for the Mistral API on 127.0.0.1, for tests and for trying things out.

It answers all 74 operations with bodies built from the project's own models, streams SSE, serves
file downloads, keeps what a user would expect it to keep (uploaded files, created agents,
libraries, jobs...), checks every request against the models (422 in the API's own shape when
one does not fit), and plays queued responses, errors and faults per operation.
"""

import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from .._runtime import convert
from .._runtime.invoke import Operation
from .state import Store, route_table

MOCK_NOTICE = "mistral_fn local mock server (not the real Mistral API)"


@dataclass
class MockRequest:
    """A request the mock received, already matched to its operation."""

    operation: str
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    json: Any = None
    form: dict[str, Any] = field(default_factory=dict)


@dataclass
class Canned:
    """A queued answer for one operation: a status and body, or a fault."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: str | None = None
    """"drop" closes the connection without answering; "cut_stream" stops a stream half-way."""


class MockServer:
    """A fake of the Mistral API on loopback. Use as a context manager, or `start()` / `stop()`.

    with MockServer() as mock:
        session = Session(api_key="test", server_url=mock.url)
        mock.queue("chat_complete", status=429, headers={"Retry-After": "1"})
        ...
        assert mock.requests[-1].json["model"] == "mistral-small-latest"
    """

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        self.store = Store()
        self.requests: list[MockRequest] = []
        self._queues: dict[str, list[Canned]] = {}
        self._lock = threading.Lock()
        self._routes = route_table()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.mock = self
        address = self._httpd.server_address
        self.host, self.port = str(address[0]), int(address[1])
        self.url = f"http://{self.host}:{self.port}"
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"<MockServer {self.url}: {MOCK_NOTICE}>"

    def start(self) -> "MockServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="mistral-fn-mock", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "MockServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def queue(
        self,
        operation: str,
        status: int = 200,
        body: Any = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        fault: str | None = None,
    ) -> None:
        """Answer the next call of `operation` this way (queued answers are used in order, once each).

        `body` None with a 2XX keeps the generated answer (after `delay` seconds); with an error
        status it becomes `{"message": ..., "type": ...}`. `fault` is "drop" or "cut_stream".
        """
        if fault not in (None, "drop", "cut_stream"):
            raise ValueError(f"unknown fault {fault!r}; use 'drop' or 'cut_stream'")
        with self._lock:
            self._queues.setdefault(operation, []).append(Canned(status, body, dict(headers or {}), delay, fault))

    def requests_for(self, operation: str) -> list[MockRequest]:
        return [r for r in self.requests if r.operation == operation]

    def reset(self) -> None:
        """Forget requests, queued answers and stored resources."""
        with self._lock:
            self.requests.clear()
            self._queues.clear()
            self.store = Store()

    def _next_canned(self, operation: str) -> Canned | None:
        with self._lock:
            queue = self._queues.get(operation)
            return queue.pop(0) if queue else None

    def route(self, method: str, path: str, wants_stream: bool) -> tuple[str, Operation, dict[str, str]] | None:
        for name, op, pattern in self._routes:
            if op.method != method:
                continue
            match = pattern.fullmatch(path)
            if match is None or ((op.events is not None) != wants_stream and _has_variant(self._routes, op, name)):
                continue
            return name, op, {k: unquote(v) for k, v in match.groupdict().items()}
        return None


def _has_variant(routes: list[tuple[str, Operation, re.Pattern[str]]], op: Operation, name: str) -> bool:
    return any(other.path == op.path and other.method == op.method and n != name for n, other, _ in routes)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    mock: MockServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timed out, cancelled) is normal for a test server: no traceback."""
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        mock = self.server.mock
        body = self._read_body()
        parts = urlsplit(self.path)
        query = parse_qsl(parts.query, keep_blank_values=True)
        headers = {k: v for k, v in self.headers.items()}
        content_type = self.headers.get("Content-Type", "")
        payload: Any = None
        form: dict[str, Any] = {}
        try:
            if content_type.startswith("application/json") and body:
                payload = json.loads(body)
            elif content_type.startswith("multipart/form-data"):
                form = _parse_multipart(content_type, body)
        except ValueError:
            self._json(400, {"message": "request body is not valid JSON", "type": "invalid_request_error"})
            return
        wants_stream = _wants_stream(payload, form, self.headers.get("Accept", ""))
        routed = mock.route(self.command, parts.path, wants_stream)
        if routed is None:
            self._json(404, {"detail": "Not Found"})
            return
        name, op, path_params = routed
        mock.requests.append(MockRequest(name, self.command, parts.path, query, headers, body, payload, form))
        if not self.headers.get("Authorization", "").startswith("Bearer "):
            self._json(401, {"message": "Unauthorized", "request_id": "mock"})
            return
        canned = mock._next_canned(name)
        if canned is not None and canned.delay:
            time.sleep(canned.delay)
        if canned is not None and canned.fault == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if canned is not None and (canned.status >= 300 or canned.body is not None):
            self._canned(canned)
            return
        problems = _check_request(op, query, payload, form)
        if problems:
            self._json(422, {"detail": problems})
            return
        request_body = payload if payload is not None else form
        if op.events is not None:
            self._stream(op, request_body, cut=canned is not None and canned.fault == "cut_stream")
            return
        status, answer = mock.store.answer(op, path_params, request_body)
        extra = canned.headers if canned is not None else {}
        if isinstance(answer, bytes):
            self._send(status, answer, "application/octet-stream", extra)
        elif answer is None:
            self._send(status, b"", None, extra)
        else:
            self._json(status, answer, extra)

    # -- reading ---------------------------------------------------------------------------
    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is not None:
            return self.rfile.read(int(length))
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return bytes(data)
                data += self.rfile.read(size)
                self.rfile.readline()
        return b""

    # -- writing ---------------------------------------------------------------------------
    def _send(self, status: int, data: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-request-id", "mock-" + str(id(self)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, value: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(value).encode(), "application/json", headers)

    def _canned(self, canned: Canned) -> None:
        body = canned.body
        if body is None:
            body = {"message": f"mock error {canned.status}", "type": "mock_error", "code": str(canned.status)}
        if isinstance(body, (bytes, str)):
            data = body.encode() if isinstance(body, str) else body
            self._send(canned.status, data, canned.headers.get("Content-Type", "text/plain"), canned.headers)
        else:
            self._json(canned.status, body, canned.headers)

    def _stream(self, op: Operation, request_body: Any, cut: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        frames = list(self.server.mock.store.events(op, request_body))
        if cut:
            frames = frames[: max(1, len(frames) // 2)]
        for frame in frames:
            data = frame.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        if cut:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(b"0\r\n\r\n")


def _wants_stream(payload: Any, form: dict[str, Any], accept: str) -> bool:
    if isinstance(payload, dict) and payload.get("stream") is True:
        return True
    if form.get("stream") in ("true", "True", True):
        return True
    return "text/event-stream" in accept


def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    form: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        filename = part.get_filename()
        value: Any = (filename, payload, part.get_content_type()) if filename is not None else payload.decode()
        if name in form:
            previous = form[name]
            form[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            form[name] = value
    return form


def _check_request(
    op: Operation, query: list[tuple[str, str]], payload: Any, form: dict[str, Any]
) -> list[dict[str, Any]]:
    """The request's problems in the API's 422 `detail` shape; empty when it fits the models."""
    problems: list[dict[str, Any]] = []
    grouped: dict[str, list[str]] = {}
    for key, value in query:
        grouped.setdefault(key, []).append(value)
    for name, values in grouped.items():
        if name not in op.params:
            continue
        if not _fits_wire(values, op.params[name], name in op.json_query):
            problems.append(_problem(["query", name], f"invalid value {values[0]!r}"))
    if op.body is None:
        return problems
    body = payload if payload is not None else _typed_form(op, form)
    try:
        convert.check(body, op.body)
    except convert.ConversionError as e:
        problems.append(_problem(["body", *reversed(e.path)], e.problem))
    return problems


def _fits_wire(values: list[str], t: Any, is_json: bool) -> bool:
    """Whether query values read as the parameter's type (query strings carry no JSON types)."""
    candidates: list[Any] = []
    for value in values:
        try:
            candidates.append(json.loads(value) if is_json or value in ("true", "false") else _number(value))
        except ValueError:
            candidates.append(value)
    for attempt in (candidates if len(candidates) > 1 else candidates[0], values, values[0]):
        try:
            convert.check(attempt, t)
            return True
        except convert.ConversionError:
            continue
    return False


def _number(value: str) -> Any:
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


def _typed_form(op: Operation, form: dict[str, Any]) -> dict[str, Any]:
    """Form fields are strings on the wire: read numbers, booleans and JSON back into values."""
    typed: dict[str, Any] = {}
    for key, value in form.items():
        if key in op.files:
            typed[key] = value[:2] if isinstance(value, tuple) else value
            continue
        values = value if isinstance(value, list) else [value]
        decoded = [_decode_form_value(v) for v in values]
        typed[key] = decoded if isinstance(value, list) or _is_list_field(op, key) else decoded[0]
    return typed


def _decode_form_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if value in ("true", "false", "null") or value[:1] in "[{" or value[:1].isdigit() or value[:1] == "-":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _is_list_field(op: Operation, key: str) -> bool:
    import attrs

    fields = attrs.fields_dict(op.body) if attrs.has(op.body) else {}
    return key in fields and "list[" in str(fields[key].type)


def _problem(loc: list[Any], message: str) -> dict[str, Any]:
    return {"loc": loc, "msg": message, "type": "value_error"}
