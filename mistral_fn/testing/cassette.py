"""Cassettes: record real exchanges once through a proxying mock, replay them forever without a key.

A cassette is JSON Lines, one exchange a line:

    {"request": {"method": "POST", "path": "/v1/chat/completions", "query": [], "headers": {...},
                 "body": {...} | "text" | {"form": {...}}},
     "response": {"status": 200, "headers": {...}, "body": {...} | "text" | {"base64": "..."},
                  "events": [{"t": 0.031, "frame": "data: {...}\\n\\n"}, ...]}}   # streams: each event, its time

`Authorization`, `api-key`, `x-api-key` and cookies are left out of what is written, and the key itself is
replaced by "REDACTED" wherever else it appears. Replay matches method, path, query and body (JSON
compared as values; multipart by its fields and a hash of each file), plays matches in recorded order,
and answers a request it has no recording for with a 404 whose message names that request.
"""

import base64
import hashlib
import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

SECRET_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "cookie", "set-cookie", "proxy-authorization"})
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host", "te", "trailer"}
)


def request_key(method: str, target: str, content_type: str, body: bytes) -> str:
    """What replay matches on: method, path, sorted query, and the body as a value."""
    parts = urlsplit(target)
    query = parse_qsl(parts.query, keep_blank_values=True)
    return _key(method, parts.path, query, _body_value(content_type, body))


def _key(method: str, path: str, query: Any, body: Any) -> str:
    pairs = sorted([str(k), str(v)] for k, v in query)
    return json.dumps([method.upper(), path, pairs, body], sort_keys=True)


def _body_value(content_type: str, body: bytes) -> Any:
    if not body:
        return None
    if content_type.startswith("application/json"):
        try:
            return json.loads(body)
        except ValueError:
            pass
    if content_type.startswith("multipart/form-data"):
        return {"form": _form_fields(content_type, body)}
    try:
        return body.decode()
    except UnicodeDecodeError:
        return {"sha256": hashlib.sha256(body).hexdigest()}


def _form_fields(content_type: str, body: bytes) -> dict[str, Any]:
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition"))
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        value: Any = (
            data.decode("utf-8", "replace")
            if filename is None
            else {
                "filename": filename,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        fields.setdefault(name, []).append(value)
    return fields


class _Redactor:
    """Leaves secrets out: the secret headers, and the key wherever else it shows up."""

    def __init__(self, headers: Any) -> None:
        self.secrets = []
        for name in ("Authorization", "api-key", "x-api-key"):
            value = headers.get(name)
            if value:
                self.secrets.append(value.removeprefix("Bearer ").strip())
        self.secrets = [s for s in self.secrets if len(s) >= 4]

    def text(self, value: str) -> str:
        for secret in self.secrets:
            value = value.replace(secret, "REDACTED")
        return value

    def headers(self, headers: Any) -> dict[str, str]:
        return {k: self.text(v) for k, v in headers.items() if k.lower() not in SECRET_HEADERS}

    def value(self, value: Any) -> Any:
        return json.loads(self.text(json.dumps(value))) if self.secrets else value


class Recorder:
    """Forwards each request to `upstream`, relays the answer as it comes, and appends the exchange."""

    def __init__(self, upstream: str, path: str | Path | None) -> None:
        self.upstream = upstream.rstrip("/")
        self.path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._http = requests.Session()
        self.exchanges = 0
        if self.path is not None:
            self.path.write_text("")

    def close(self) -> None:
        self._http.close()

    def forward(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        redact = _Redactor(handler.headers)
        sent = {k: v for k, v in handler.headers.items() if k.lower() not in _HOP_BY_HOP}
        started = time.monotonic()
        try:
            answer = self._http.request(
                handler.command, self.upstream + handler.path, headers=sent, data=body, stream=True, timeout=300
            )
        except requests.RequestException as e:
            message = f"mistral_fn recording proxy: the upstream {self.upstream} did not answer: {type(e).__name__}"
            data = json.dumps({"object": "error", "message": message, "type": "upstream_error"}).encode()
            handler.send_response(502)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        content_type = handler.headers.get("Content-Type", "")
        record: dict[str, Any] = {
            "request": {
                "method": handler.command,
                "path": urlsplit(handler.path).path,
                "query": parse_qsl(urlsplit(handler.path).query, keep_blank_values=True),
                "headers": redact.headers(handler.headers),
                "body": redact.value(_body_value(content_type, body)),
            },
        }
        headers = {k: v for k, v in answer.headers.items() if k.lower() not in _HOP_BY_HOP}
        streaming = answer.headers.get("Content-Type", "").startswith("text/event-stream")
        with answer:
            if streaming:
                events = _relay_stream(handler, answer, headers, started)
                response: dict[str, Any] = {"events": [{**e, "frame": redact.text(e["frame"])} for e in events]}
            else:
                data = answer.content
                _relay(handler, answer.status_code, headers, data)
                response = {"body": redact.value(_response_body(answer.headers.get("Content-Type", ""), data))}
        record["response"] = {"status": answer.status_code, "headers": redact.headers(headers), **response}
        self._append(record)

    def _append(self, record: dict[str, Any]) -> None:
        with self._lock:
            self.exchanges += 1
            if self.path is not None:
                with self.path.open("a") as out:
                    out.write(json.dumps(record) + "\n")


def _relay(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], data: bytes) -> None:
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def _relay_stream(
    handler: BaseHTTPRequestHandler, answer: requests.Response, headers: dict[str, str], started: float
) -> list[dict[str, Any]]:
    """Pass a stream on event by event as it arrives; the events with their time since the request."""
    handler.send_response(answer.status_code)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    events: list[dict[str, Any]] = []
    pending = b""
    for chunk in answer.iter_content(chunk_size=None):
        pending += chunk.replace(b"\r\n", b"\n")
        while b"\n\n" in pending:
            raw, pending = pending.split(b"\n\n", 1)
            frame = raw + b"\n\n"
            events.append({"t": round(time.monotonic() - started, 4), "frame": frame.decode("utf-8", "replace")})
            _chunk(handler, frame)
    if pending.strip():
        events.append({"t": round(time.monotonic() - started, 4), "frame": pending.decode("utf-8", "replace")})
        _chunk(handler, pending)
    handler.wfile.write(b"0\r\n\r\n")
    return events


def _chunk(handler: BaseHTTPRequestHandler, data: bytes) -> None:
    handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
    handler.wfile.flush()


def _response_body(content_type: str, data: bytes) -> Any:
    if content_type.startswith("application/json"):
        try:
            return json.loads(data)
        except ValueError:
            pass
    try:
        return data.decode() if content_type.startswith("text/") or not content_type else {"base64": _b64(data)}
    except UnicodeDecodeError:
        return {"base64": _b64(data)}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class Player:
    """Answers from a cassette; `misses` lists the requests it had no recording for."""

    def __init__(self, path: str | Path, timing: bool = False) -> None:
        self.path = Path(path)
        self.timing = timing
        self._lock = threading.Lock()
        self.misses: list[str] = []
        self._recorded: list[tuple[str, dict[str, Any]]] = []
        for number, line in enumerate(self.path.read_text().splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            request = record["request"]
            key = _key(request["method"], request["path"], request.get("query") or [], request.get("body"))
            self._recorded.append((key, {**record, "line": number}))
        self._used: set[int] = set()

    def find(self, key: str) -> dict[str, Any] | None:
        """The first unplayed recording for `key`, else the last one played (a repeated request)."""
        with self._lock:
            last = None
            for index, (recorded, record) in enumerate(self._recorded):
                if recorded != key:
                    continue
                if index not in self._used:
                    self._used.add(index)
                    return record
                last = record
            return last

    def answer(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        key = request_key(handler.command, handler.path, handler.headers.get("Content-Type", ""), body)
        record = self.find(key)
        if record is None:
            self._miss(handler, key)
            return
        response = record["response"]
        headers = {k: v for k, v in response.get("headers", {}).items() if k.lower() not in _HOP_BY_HOP}
        if "events" in response:
            handler.send_response(response["status"])
            for key_, value in headers.items():
                handler.send_header(key_, value)
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            started = time.monotonic()
            for event in response["events"]:
                if self.timing:
                    time.sleep(max(0.0, event["t"] - (time.monotonic() - started)))
                _chunk(handler, event["frame"].encode())
            handler.wfile.write(b"0\r\n\r\n")
            return
        recorded = response.get("body")
        if isinstance(recorded, dict) and set(recorded) == {"base64"}:
            data = base64.b64decode(recorded["base64"])
        elif isinstance(recorded, str):
            data = recorded.encode()
        else:
            data = b"" if recorded is None else json.dumps(recorded).encode()
        _relay(handler, response["status"], headers, data)

    def _miss(self, handler: BaseHTTPRequestHandler, key: str) -> None:
        method, path, query, body = json.loads(key)
        shown = json.dumps(body)
        shown = shown if len(shown) <= 300 else shown[:300] + "..."
        message = (
            f"mistral_fn cassette {self.path}: no recording of {method} {path}{_query_string(query)} with body {shown}"
        )
        with self._lock:
            self.misses.append(message)
        data = json.dumps({"object": "error", "message": message, "type": "cassette_miss", "code": None}).encode()
        _relay(handler, 404, {"Content-Type": "application/json"}, data)


def _query_string(query: list[Any]) -> str:
    from urllib.parse import urlencode

    return ("?" + urlencode([tuple(q) for q in query])) if query else ""
