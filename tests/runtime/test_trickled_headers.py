"""timeout_ms ending while the server trickles its response head: a timeout wherever the head is cut.

The server sends the head up to a point at once, then trickles valid head bytes one every 40 ms (each
socket read succeeds, so only the attempt's total time can stop it), then the rest. Cut at any point,
a JSON call, a call answered 204 with no body, and a stream without an end marker all give
`RequestTimeoutError`: never `Ok(None)`, an empty stream or a 200 that "is not JSON".
"""

import socket
import time
from typing import Any

import pytest

from mistral_fn import Err, Session
from mistral_fn._runtime.invoke import invoke
from mistral_fn.errors import RequestTimeoutError
from tests.loopback import Loopback, Recorded
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_STREAM, DELETE

STREAM = CHAT_STREAM.replace(end_marker=None, collect_into=None)  # as the conversation streams
CALLS: dict[str, tuple[Any, dict[str, object], bytes, bytes]] = {
    # name: (operation, its arguments, the status line, the body)
    "json": (CHAT, {"body": CHAT_BODY}, b"HTTP/1.1 200 OK", b'{"id": "c1", "choices": []}'),
    "204": (DELETE, {"path": {"thing_id": "t1"}}, b"HTTP/1.1 204 No Content", b""),
    "stream": (STREAM, {"body": {**CHAT_BODY, "stream": True}}, b"HTTP/1.1 200 OK", b'data: {"id": "s"}\n\n'),
}
# Where the head stalls: what is sent at once, what trickles, and what would complete the head.
CUTS: dict[str, tuple[str, str, str]] = {
    "inside the status line": ("{status_head}", "{status_tail}" + "o" * 40, "\r\n{headers}\r\n"),
    "between headers": ("{status}\r\nContent-Type: {ctype}\r\n", "X-Slow: " + "s" * 40 + "\r\n", "{length}\r\n"),
    "inside a header name": ("{status}\r\nContent-Type: {ctype}\r\nX-Sl", "o" * 40, "w: 1\r\n{length}\r\n"),
    "inside a header value": ("{status}\r\nContent-Type: {ctype}\r\nX-Slow: ", "s" * 40, "\r\n{length}\r\n"),
    "before the blank line": ("{status}\r\n{headers}", "X-Late: " + "l" * 40 + "\r\n", "\r\n"),
}
TIMEOUT_MS = 200


def _head_parts(call: str, cut: str) -> tuple[bytes, bytes, bytes]:
    _, _, status, body = CALLS[call]
    ctype = "text/event-stream" if call == "stream" else "application/json"
    fields = {"status": status.decode(), "ctype": ctype, "length": f"Content-Length: {len(body)}\r\n"}
    fields["status_head"], fields["status_tail"] = fields["status"][:-3], fields["status"][-3:]
    fields["headers"] = "Content-Type: {ctype}\r\n{length}".format(**fields)
    return tuple(part.format(**fields).encode() for part in CUTS[cut])  # type: ignore[return-value]


CASES = [pytest.param(call, cut, id=f"{call}-{cut}") for call in CALLS for cut in CUTS]


@pytest.mark.parametrize(("call", "cut"), CASES)
def test_a_head_trickled_past_timeout_ms_is_a_timeout(server: Loopback, call: str, cut: str) -> None:
    """Whatever the head holds when timeout_ms ends, the call returns RequestTimeoutError."""
    op, arguments, _, body = CALLS[call]
    at_once, trickled, rest = _head_parts(call, cut)
    assert (at_once + trickled + rest).count(b"\r\n\r\n") == 1  # the blank line comes only at the end

    def handler(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(at_once)
        for byte in trickled:
            time.sleep(0.04)
            conn.sendall(bytes([byte]))
        conn.sendall(rest + body)
        raise OSError("close after the reply")

    server.reply_fn(handler)
    session = Session(api_key="k", server_url=server.url, timeout_ms=TIMEOUT_MS)
    result = invoke(session, op, **arguments)  # type: ignore[arg-type]
    assert isinstance(result, Err), f"{call}, cut {cut}: {result!r}"
    assert isinstance(result.error, RequestTimeoutError), f"{call}, cut {cut}: {result.error!r}"
