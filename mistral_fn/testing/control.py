"""The control API: another process scripts a running mock over HTTP, under the reserved prefix `/__mock__`.

    POST /__mock__/queue      {"operation": "chat_complete", "content": "Paris"}      script the next answer
    POST /__mock__/faults     {"operation": "*", "status": 503, "retry_after": 1, "times": 2}
    GET  /__mock__/queue      what is still queued, by operation
    GET  /__mock__/requests   the requests received (?operation=NAME to filter), Authorization left out
    POST /__mock__/reset      forget requests, queued answers, faults and stored resources
    POST /__mock__/jobs/advance  {"steps": 1}   move every unfinished job one step
    GET  /__mock__/operations the operation names

The JSON fields of queue and faults are the keyword arguments of `MockServer.fault` / `queue`
(status, body, headers, retry_after, delay, stall, drop, cut_after, malformed_at, content,
tool_calls, finish_reason, times); "operation" defaults to "*" (any operation). Errors answer
400 with {"error": "..."}; no Authorization is needed.
"""

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from . import faults

if TYPE_CHECKING:
    from .server import MockServer

HELP = __doc__ or ""


def handle(mock: "MockServer", method: str, path: str, query: str, body: bytes) -> tuple[int, Any]:
    """(status, JSON or bytes) for a control request; `path` is what follows the prefix."""
    try:
        data = json.loads(body) if body.strip() else {}
        if not isinstance(data, dict):
            raise ValueError("the body must be a JSON object")
        answer: tuple[int, Any] = _route(mock, method, path.rstrip("/") or "/", parse_qs(query), data)
        return answer
    except ValueError as e:
        return 400, {"error": str(e)}


def _route(mock: "MockServer", method: str, path: str, query: dict[str, list[str]], data: dict[str, Any]) -> Any:
    if method == "POST" and path in ("/queue", "/faults"):
        operation = str(data.get("operation", faults.ALL))
        entry = faults.from_json(data)
        mock._add(operation, entry)
        return 200, {"queued": operation, **entry.to_json()}
    if method == "GET" and path in ("/queue", "/faults"):
        return 200, mock.pending()
    if method == "GET" and path == "/requests":
        wanted = query.get("operation")
        chosen = mock.requests if not wanted else mock.requests_for(wanted[0])
        return 200, [r.to_json() for r in chosen]
    if method == "POST" and path == "/reset":
        mock.reset()
        return 200, {"reset": True}
    if method == "POST" and path == "/jobs/advance":
        steps = int(data.get("steps", 1))
        mock.advance_jobs(steps)
        return 200, {"advanced": steps}
    if method == "GET" and path == "/operations":
        return 200, mock.operations
    if method == "GET" and path.startswith("/signed/"):
        key = path.rsplit("/", 1)[-1]
        content = mock.store.contents.get(key)
        return (200, content) if content is not None else (404, {"error": f"nothing stored under {key!r}"})
    if method == "GET" and path == "/":
        return 200, {"help": HELP}
    return 404, {"error": f"no control endpoint {method} {path}", "help": HELP}
