"""A loopback server speaking the AWS Lambda Runtime API, for running a handler under `awslambdaric`.

    with RuntimeAPI() as api:
        api.invoke({"body": ...}, deadline_in_ms=5_000)      # queue an invocation
        ... start `python -m awslambdaric handler.handler` with AWS_LAMBDA_RUNTIME_API=api.address
        outcome = api.outcome(request_id, timeout=30)         # what the runtime posted back

It implements what the runtime interface client calls: `GET /2018-06-01/runtime/invocation/next`
(one queued event at a time, with `Lambda-Runtime-Aws-Request-Id` and `Lambda-Runtime-Deadline-Ms`),
`POST .../invocation/{id}/response`, `POST .../invocation/{id}/error` and `POST .../init/error`.
With nothing queued, `next` holds the runtime until the server closes, as Lambda holds a frozen one.
"""

import json
import queue
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PREFIX = "/2018-06-01/runtime"


@dataclass(frozen=True)
class Outcome:
    """What the runtime posted for one invocation: its result or its error, and when."""

    kind: str
    """`response` or `error`."""
    body: Any
    at_ms: float
    """Wall-clock time of the post, in milliseconds since the epoch (as `Lambda-Runtime-Deadline-Ms`)."""


@dataclass
class RuntimeAPI:
    events: "queue.Queue[tuple[str, Any, int] | None]" = field(default_factory=queue.Queue)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    init_errors: list[Any] = field(default_factory=list)
    deadlines: dict[str, int] = field(default_factory=dict)
    """Request id -> the `Lambda-Runtime-Deadline-Ms` it was handed out with."""

    def __post_init__(self) -> None:
        self._posted = threading.Condition()
        self._count = 0
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # the test output stays clean
                pass

            def do_GET(self) -> None:
                if self.path != f"{PREFIX}/invocation/next":
                    self._answer(404, {"errorMessage": "unknown path"})
                    return
                item = api.events.get()
                if item is None:  # closing: let the runtime's long poll end
                    self._answer(500, {"errorMessage": "shutting down"})
                    return
                request_id, event, budget_ms = item
                # As Lambda does, the deadline counts from when the invocation is handed out, after any
                # cold start of the function, not from when it was queued.
                deadline_ms = int(time.time() * 1000) + budget_ms
                api.deadlines[request_id] = deadline_ms
                body = json.dumps(event).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Lambda-Runtime-Aws-Request-Id", request_id)
                self.send_header("Lambda-Runtime-Deadline-Ms", str(deadline_ms))
                self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:0:function:chat")
                self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode(errors="replace")
                parts = self.path.removeprefix(PREFIX).strip("/").split("/")
                if parts == ["init", "error"]:
                    api.init_errors.append(body)
                elif len(parts) == 3 and parts[0] == "invocation" and parts[2] in ("response", "error"):
                    with api._posted:
                        api.outcomes[parts[1]] = Outcome(parts[2], body, time.time() * 1000)
                        api._posted.notify_all()
                else:
                    self._answer(404, {"errorMessage": "unknown path"})
                    return
                self._answer(202, {"status": "OK"})

            def _answer(self, status: int, payload: Any) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.address = f"127.0.0.1:{self._server.server_address[1]}"

    def invoke(self, event: Any, deadline_in_ms: int) -> str:
        """Queue one invocation that must end within `deadline_in_ms` of being handed out; gives its request id."""
        self._count += 1
        request_id = f"req-{self._count:04d}"
        self.events.put((request_id, event, deadline_in_ms))
        return request_id

    def outcome(self, request_id: str, timeout: float) -> Outcome:
        """What the runtime posted for `request_id`, waiting up to `timeout` seconds for it."""
        with self._posted:
            if not self._posted.wait_for(lambda: request_id in self.outcomes or bool(self.init_errors), timeout):
                raise TimeoutError(f"no outcome for {request_id} within {timeout} s")
        if request_id not in self.outcomes:
            raise AssertionError(f"the runtime failed to start: {self.init_errors}")
        return self.outcomes[request_id]

    def __enter__(self) -> "RuntimeAPI":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.events.put(None)
        self._server.shutdown()
        self._server.server_close()
