"""Sending and its failures: a refused, dropped or reset connection named as the right error (transport.py)."""

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.invoke import invoke
from mistral_fn.errors import (
    ConnectionError,
)
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY


def test_connection_refused() -> None:
    """Nothing listening gives Err(ConnectionError)."""
    with Loopback() as closed:
        url = closed.url
    result = invoke(Session(api_key="k", server_url=url), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)
    assert "could not connect" in result.error.message


def test_connection_dropped_mid_body(server: Loopback, session: Session) -> None:
    """A response cut in the middle of its JSON body gives Err(ConnectionError)."""
    server.reply_raw(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id": "c')
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)


def test_connection_reset_before_response(server: Loopback, session: Session) -> None:
    """A connection closed before any response gives Err(ConnectionError), and the session still works."""
    server.reply_raw(b"")
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)
    server.reply(200, CHAT_REPLY)
    assert invoke(session, CHAT, body=CHAT_BODY).ok


def test_twenty_megabyte_body(server: Loopback, session: Session) -> None:
    """A 20 MB success body is read whole and structured."""
    filler = "x" * (20 * 1024 * 1024)
    server.reply(200, {**CHAT_REPLY, "padding": filler})
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and len(result.value.extra_fields["padding"]) == len(filler)
