"""`MockServer`: a local stand-in for the Mistral API on 127.0.0.1, for tests and for trying things out.

It answers all 74 operations in the spec's shapes, streams SSE, keeps state (files, jobs, agents,
conversations, libraries, documents exist until deleted; unknown ids are 404s), runs job life cycles,
checks every request against the models (422 in the API's own shape when one does not fit), and plays
scripted answers and faults per operation. A control API under `/__mock__/` lets another process
script it (see `python -m mistral_fn.testing --help`). With `upstream=` it is a recording proxy;
with `replay=` it answers from a cassette.
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
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from .._runtime import convert
from .._runtime.invoke import Operation
from . import faults
from .faults import ALL, Canned
from .state import NotFound, Store, route_table

MOCK_NOTICE = "mistral_fn local mock server (not the real Mistral API)"
CONTROL_PREFIX = "/__mock__"


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

    def to_json(self) -> dict[str, Any]:
        """For the control API: the body as text, uploads as their name and size, no Authorization."""
        headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
        form = {k: _describe_form_value(v) for k, v in self.form.items()}
        return {
            "operation": self.operation,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "json": self.json,
            "form": form,
        }


def _describe_form_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return {"filename": value[0], "bytes": len(value[1])}
    if isinstance(value, list):
        return [_describe_form_value(v) for v in value]
    return value


class MockServer:
    """A fake of the Mistral API on loopback. Use as a context manager, or `start()` / `stop()`.

    with MockServer() as mock:
        session = Session(api_key="test", server_url=mock.url)
        mock.queue("chat_complete", content="Bonjour")
        mock.fault("chat_complete", status=429, retry_after=1)
        ...
        assert mock.requests[-1].json["model"] == "mistral-small-latest"

    `auto_advance_jobs`: each GET of a batch or fine-tuning job moves it one step (QUEUED -> RUNNING
    -> SUCCESS); with False only `advance_jobs()` does. `upstream` + `record`: forward every request
    to `upstream` and write the exchanges to the cassette `record`; `replay`: answer from a cassette
    (`replay_timing`: stream events at their recorded pace). See cassette.py for the format.
    `adopt_unknown_ids`: an id the mock never made names a made-up resource instead of a 404 (for
    documentation examples that use the spec's example ids; tests should leave it off).
    """

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        *,
        auto_advance_jobs: bool = True,
        upstream: str | None = None,
        record: str | Path | None = None,
        replay: str | Path | None = None,
        replay_timing: bool = False,
        adopt_unknown_ids: bool = False,
    ) -> None:
        from .cassette import Player, Recorder

        self.store = Store(auto_advance=auto_advance_jobs, adopt_unknown_ids=adopt_unknown_ids)
        self.requests: list[MockRequest] = []
        self._queues: dict[str, list[Canned]] = {}
        self._lock = threading.Lock()
        self._routes = route_table()
        self.operations = sorted({name for name, _, _ in self._routes})
        self.recorder = Recorder(upstream, record) if upstream is not None else None
        if record is not None and upstream is None:
            raise ValueError("record= needs upstream=: the API to record from")
        self.player = Player(replay, replay_timing) if replay is not None else None
        self._httpd = _Server((host, port), _Handler)
        self._httpd.mock = self
        address = self._httpd.server_address
        self.host, self.port = str(address[0]), int(address[1])
        self.url = f"http://{self.host}:{self.port}"
        self.store.base_url = self.url
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
        if self.recorder is not None:
            self.recorder.close()

    def __enter__(self) -> "MockServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scripting -------------------------------------------------------------------------
    def queue(
        self,
        operation: str,
        status: int = 200,
        body: Any = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        fault: str | None = None,
        *,
        content: str | None = None,
        tool_calls: list[dict[str, Any]] | None = None,
        finish_reason: str | None = None,
        times: int | None = 1,
    ) -> None:
        """Answer the next call of `operation` this way (entries play in order, `times` calls each).

        `body` None with a 2XX keeps the generated answer (after `delay` seconds); with an error
        status it becomes the API's error shape. `content` / `tool_calls` / `finish_reason` script
        what a completion (chat, agents, FIM, conversations) says, streamed or not; a tool call is
        `{"name": ..., "arguments": dict or JSON string}`. `fault` is "drop" or "cut_stream" (see
        `fault()` for more). An unknown operation name is a ValueError naming the nearest one.
        """
        if fault not in (None, "drop", "cut_stream"):
            raise ValueError(f"unknown fault {fault!r}; use 'drop' or 'cut_stream', or mock.fault(...)")
        self._add(
            operation,
            faults.make(
                status=status,
                body=body,
                headers=headers,
                delay=delay,
                drop=fault == "drop",
                cut_after=-1 if fault == "cut_stream" else None,
                content=content,
                tool_calls=tool_calls,
                finish_reason=finish_reason,
                times=times,
            ),
        )

    def fault(
        self,
        operation: str = ALL,
        *,
        status: int = 200,
        retry_after: float | str | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        stall: float = 0.0,
        drop: bool = False,
        cut_after: int | None = None,
        malformed_at: int | None = None,
        times: int | None = 1,
    ) -> None:
        """Inject a fault into the next `times` calls of `operation` ("*": any operation; times=None: all).

        status: answer with this HTTP status (429, 500, 503...) and the API's error body;
        retry_after: add a Retry-After header (seconds); delay: seconds before the headers;
        stall: seconds of silence half-way through the body; drop: close without answering;
        cut_after: cut a stream after N events (other bodies: after N bytes);
        malformed_at: the event at this index has data that is not JSON.
        """
        self._add(
            operation,
            faults.make(
                status=status,
                body=body,
                headers=headers,
                retry_after=retry_after,
                delay=delay,
                stall=stall,
                drop=drop,
                cut_after=cut_after,
                malformed_at=malformed_at,
                times=times,
            ),
        )

    def _add(self, operation: str, entry: Canned) -> None:
        faults.check_operation(operation, self.operations)
        with self._lock:
            self._queues.setdefault(operation, []).append(entry)

    def pending(self) -> dict[str, list[dict[str, Any]]]:
        """What is still queued, by operation."""
        with self._lock:
            return {k: [c.to_json() for c in v] for k, v in self._queues.items() if v}

    def requests_for(self, operation: str) -> list[MockRequest]:
        faults.check_operation(operation, self.operations)
        return [r for r in self.requests if r.operation == operation]

    def advance_jobs(self, steps: int = 1) -> None:
        """Move every unfinished batch and fine-tuning job `steps` steps through its life cycle."""
        self.store.advance_jobs(steps)

    def reset(self) -> None:
        """Forget requests, queued answers, faults and stored resources."""
        with self._lock:
            self.requests.clear()
            self._queues.clear()
            store = Store(auto_advance=self.store.auto_advance, adopt_unknown_ids=self.store.adopt_unknown_ids)
            store.base_url = self.url
            self.store = store

    def _next_canned(self, operation: str) -> Canned | None:
        with self._lock:
            for key in (operation, ALL):
                queue = self._queues.get(key)
                if queue:
                    entry = queue[0]
                    if entry.remaining is not None:
                        entry.remaining -= 1
                        if entry.remaining <= 0:
                            queue.pop(0)
                    return entry
            return None

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
        if parts.path.startswith(CONTROL_PREFIX + "/"):
            from .control import handle

            status, answer = handle(mock, self.command, parts.path[len(CONTROL_PREFIX) :], parts.query, body)
            self._json(status, answer) if not isinstance(answer, bytes) else self._send(status, answer, None)
            return
        if mock.recorder is not None:
            mock.recorder.forward(self, body)
            return
        if mock.player is not None:
            mock.player.answer(self, body)
            return
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
            elif content_type.startswith("application/x-www-form-urlencoded"):  # a form without files
                form = dict(parse_qsl(body.decode(), keep_blank_values=True))
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
        if canned is not None and canned.drop:
            self._drop()
            return
        if canned is not None and canned.answers:
            self._canned(canned)
            return
        problems = _check_request(op, query, payload, form)
        if problems:
            self._json(422, {"detail": problems})
            return
        request_body = payload if payload is not None else _typed_form(op, form)
        script = canned.script if canned is not None else None
        grouped: dict[str, list[str]] = {}
        for key, value in query:
            grouped.setdefault(key, []).append(value)
        try:
            if op.events is not None:
                frames = list(mock.store.events(name, op, path_params, request_body, script))
                self._stream(frames, canned)
                return
            status, answer = mock.store.answer(name, op, path_params, request_body, grouped, script)
        except NotFound as e:
            self._json(404, e.body())
            return
        extra = canned.headers if canned is not None else {}
        if isinstance(answer, bytes):
            self._send(status, answer, "application/octet-stream", extra, canned)
        elif answer is None:
            self._send(status, b"", None, extra, canned)
        elif isinstance(answer, str) and op.accept != "application/json":
            self._send(status, answer.encode(), op.accept, extra, canned)
        else:
            self._send(status, json.dumps(answer).encode(), "application/json", extra, canned)

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
    def _drop(self) -> None:
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def _headers(self, status: int, defaults: dict[str, str], extra: dict[str, str] | None) -> None:
        """Status line and headers; a header the test gave replaces the default of the same name."""
        given = {k.lower(): (k, v) for k, v in (extra or {}).items()}
        self.send_response(status)
        for key, value in defaults.items():
            if key.lower() not in given:
                self.send_header(key, value)
        for key, value in given.values():
            self.send_header(key, value)
        self.end_headers()

    def _send(
        self,
        status: int,
        data: bytes,
        content_type: str | None,
        headers: dict[str, str] | None = None,
        canned: Canned | None = None,
    ) -> None:
        defaults = {"Content-Length": str(len(data)), "x-request-id": "mock-" + str(id(self))}
        if content_type is not None:
            defaults = {"Content-Type": content_type, **defaults}
        self._headers(status, defaults, headers)
        cut = canned.cut_after if canned is not None else None
        stall = canned.stall if canned is not None else 0.0
        if cut is not None:
            self.wfile.write(data[: max(0, cut if cut >= 0 else len(data) // 2)])
            self.wfile.flush()
            self._drop()
            return
        if stall:
            half = len(data) // 2
            self.wfile.write(data[:half])
            self.wfile.flush()
            time.sleep(stall)
            data = data[half:]
        self.wfile.write(data)

    def _json(self, status: int, value: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(value).encode(), "application/json", headers)

    def _canned(self, canned: Canned) -> None:
        body = canned.body
        if body is None:
            body = _error_body(canned.status)
        if isinstance(body, (bytes, str)):
            data = body.encode() if isinstance(body, str) else body
            content_type = next((v for k, v in canned.headers.items() if k.lower() == "content-type"), "text/plain")
            self._send(canned.status, data, content_type, canned.headers, canned)
        else:
            self._send(canned.status, json.dumps(body).encode(), "application/json", canned.headers, canned)

    def _stream(self, frames: list[str], canned: Canned | None) -> None:
        defaults = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "Transfer-Encoding": "chunked"}
        self._headers(200, defaults, canned.headers if canned is not None else None)
        cut = canned.cut_after if canned is not None else None
        if cut is not None:
            frames = frames[: max(1, len(frames) // 2)] if cut < 0 else frames[:cut]
        malformed = canned.malformed_at if canned is not None else None
        if malformed is not None and malformed < len(frames):
            frames[malformed] = "data: {this is not json\n\n"
        stall_at = len(frames) // 2 if canned is not None and canned.stall else -1
        for i, frame in enumerate(frames):
            if i == stall_at and canned is not None:
                time.sleep(canned.stall)
            data = frame.encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        if cut is not None:
            self._drop()
            return
        self.wfile.write(b"0\r\n\r\n")


_ERRORS = {
    400: ("Bad request", "invalid_request_error"),
    401: ("Unauthorized", "invalid_request_error"),
    403: ("Forbidden", "invalid_request_error"),
    404: ("Not found", "invalid_request_error"),
    429: ("Requests rate limit exceeded", "rate_limited"),
    500: ("Internal server error", "internal_server_error"),
    502: ("Bad gateway", "internal_server_error"),
    503: ("Service unavailable", "service_unavailable"),
    504: ("Gateway timeout", "internal_server_error"),
}


def _error_body(status: int) -> dict[str, Any]:
    """The API's error body for a status (what a 429 or 503 of the real service carries)."""
    message, kind = _ERRORS.get(status, (f"mock error {status}", "mock_error"))
    return {"object": "error", "message": message, "type": kind, "param": None, "code": str(status)}


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
