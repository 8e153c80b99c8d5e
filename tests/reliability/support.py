"""What the reliability tests share: the key, a valid chat reply, and the "session still works" check."""

import socket
import struct
import time
from collections.abc import Iterable
from typing import Any

from mistral_fn import Ok, Session, chat_complete
from tests.fixtures import FAST as FAST  # the tests here import it from this module too
from tests.fixtures import chat_reply
from tests.loopback import Loopback, Recorded

API_KEY = "sk-reliability-7f3a9c1e5b2d4068"
MESSAGES = [{"role": "user", "content": "Hello"}]
CHAT_REPLY: dict[str, Any] = chat_reply("fine", id="cmpl-ok", usage=(1, 1))


def clear(server: Loopback) -> None:
    """Drop replies a test queued but did not use."""
    with server._lock:
        server._queue.clear()


def assert_still_usable(session: Session, server: Loopback) -> None:
    """After a failure the same Session makes a successful call, and the server sees that call."""
    clear(server)
    before = len(server.requests)
    server.reply(200, CHAT_REPLY)
    result = chat_complete(session, model="mistral-small-latest", messages=MESSAGES, server_url=server.url)
    assert isinstance(result, Ok), result
    assert result.value.id == "cmpl-ok" and result.value.choices[0].message.content == "fine"
    assert len(server.requests) == before + 1


def reset(conn: socket.socket) -> None:
    """Close `conn` with a TCP RST rather than a FIN (SO_LINGER with a zero timeout)."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def reply_then_reset(data: bytes) -> "Any":
    """A Loopback handler that sends `data` and then resets the connection."""

    def handler(_: Recorded, conn: socket.socket) -> None:
        if data:
            conn.sendall(data)
        reset(conn)
        raise OSError("reset sent")

    return handler


def reply_sse(server: Loopback, events: Iterable[bytes | str], chunked: bool = True, pause: float = 0.0) -> None:
    """Loopback.reply_sse with `Connection: close`, as a server that closes after a stream says it will.

    Without it the client may reuse the connection in the instant before the server's close reaches
    it, and the next request fails with RemoteDisconnected (a race of keep-alive, not of the stream).
    """
    pieces = [e.encode() if isinstance(e, str) else e for e in events]

    def handler(_: Recorded, conn: socket.socket) -> None:
        head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n"
        conn.sendall((head + ("Transfer-Encoding: chunked\r\n\r\n" if chunked else "\r\n")).encode())
        for piece in pieces:
            if pause:
                time.sleep(pause)
            conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
        if chunked:
            conn.sendall(b"0\r\n\r\n")
        conn.shutdown(socket.SHUT_WR)
        raise OSError("closed after the stream")

    server.reply_fn(handler)
