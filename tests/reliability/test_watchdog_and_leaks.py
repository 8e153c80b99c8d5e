"""The watchdog never dies and only ever cuts its own call; a failing hook leaves no connection open;
a stream that sends only comments is held to an idle limit; a JSON answer to a stream is named."""

import logging
import re
import socket
import threading
import time
from typing import Any

import pytest
import requests

from mistral_fn import Err, Hooks, Ok, Session, chat_complete, chat_stream
from mistral_fn._runtime import transport
from mistral_fn._runtime.watchdog import WATCHDOG
from mistral_fn.errors import RequestTimeoutError, ResponseValidationError, UnexpectedClientError
from tests.loopback import Loopback, Recorded, send_response
from tests.reliability.support import API_KEY, CHAT_REPLY, MESSAGES, assert_still_usable

MODEL = "mistral-small-latest"


def _trickle_head_for(seconds: float) -> Any:
    def handler(_: Recorded, conn: socket.socket) -> None:
        ends = time.monotonic() + seconds
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while time.monotonic() < ends:
            conn.sendall(b"X")
            time.sleep(0.05)
        raise OSError("done trickling")

    return handler


class _Exploding:
    """A connection whose socket cannot even be looked at: what the watchdog meets must not end it."""

    @property
    def sock(self) -> Any:
        raise RuntimeError("no socket for you")


def test_the_watchdog_survives_its_failures_and_still_holds_later_calls(
    server: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    """A watch too long for Condition.wait and a connection that raises: both logged, and a later call
    whose server trickles its headers for 5 s is still cut at its timeout_ms."""
    ready = threading.Event()
    finished = threading.Event()

    def other_thread() -> None:
        huge = WATCHDOG.watch(1e300)  # an hour of sleep is the most the watchdog asks for at a time
        exploding = WATCHDOG.watch(0.01)
        exploding.connection = _Exploding()  # type: ignore[assignment]
        exploding.connection._mistral_fn_watch = exploding  # type: ignore[attr-defined]
        ready.set()
        finished.wait(10)
        WATCHDOG.release(huge)

    helper = threading.Thread(target=other_thread)
    helper.start()
    try:
        assert ready.wait(5)
        time.sleep(0.2)  # the exploding watch has expired and been met by now
        server.reply_fn(_trickle_head_for(5.0))
        with caplog.at_level(logging.ERROR, logger="mistral_fn"):
            with Session(api_key=API_KEY, server_url=server.url, timeout_ms=300) as session:
                started = time.monotonic()
                result = chat_complete(session, model=MODEL, messages=MESSAGES)
                took = time.monotonic() - started
                assert isinstance(result, Err) and type(result.error) is RequestTimeoutError, result
                assert took < 2.0, took
                assert_still_usable(session, server)
    finally:
        finished.set()
        helper.join(5)
    assert any("the watchdog thread failed" in r.getMessage() for r in caplog.records)


def test_an_expired_watch_cuts_only_its_own_call(server: Loopback) -> None:
    """Call A reads its whole body (its connection goes back to the pool) but its watch is still on when
    it expires; call B, on another thread, has taken that pooled connection by then: B is not cut."""
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=5000)
    sender = transport.for_session(session)
    server.reply(200, {"a": 1})
    prepared = sender.prepare("GET", server.url + "/v1/models", {"Authorization": "Bearer x"}, None, None)
    watch = WATCHDOG.watch(0.3)
    try:
        response = sender.send(prepared, 5.0, watch)
        assert response.content == b'{"a": 1}'  # read whole: the connection is back in the pool
        outcome: list[Any] = []

        def slow(_: Recorded, conn: socket.socket) -> None:
            time.sleep(0.7)  # A's watch expires while B waits on the reused connection
            send_response(conn, 200, b'{"object": "list", "data": []}', {"Content-Type": "application/json"})

        server.reply_fn(slow)
        from mistral_fn import models_list

        b = threading.Thread(target=lambda: outcome.append(models_list(session)))
        b.start()
        b.join(5)
        assert watch.expired is False  # A's watch found its connection owned by B and left it alone
    finally:
        WATCHDOG.release(watch)
    assert len(outcome) == 1 and isinstance(outcome[0], Ok), outcome
    assert len(server.requests) == 2
    session.close()


def test_after_success_hook_that_raises_closes_the_connection(server: Loopback) -> None:
    """The Err comes back, and the server sees the connection closed at once (not when the Err is collected)."""
    closed: list[bool] = []

    def answer_then_wait_for_close(_: Recorded, conn: socket.socket) -> None:
        send_response(conn, 200, b"{" + b" " * 200_000 + b"}", {"Content-Type": "application/json"})
        conn.settimeout(2.0)
        try:
            while conn.recv(65536):
                pass
            closed.append(True)
        except ConnectionResetError:  # closed with the body unread: a reset, as closed as can be
            closed.append(True)
        except OSError:  # the 2 s passed with the connection still open
            closed.append(False)
        raise OSError("done")

    def failing(_: Any, response: requests.Response) -> None:
        raise ValueError("the hook failed")

    server.reply_fn(answer_then_wait_for_close)
    with Session(api_key=API_KEY, server_url=server.url, hooks=Hooks(after_success=[failing])) as session:
        result = chat_complete(session, model=MODEL, messages=MESSAGES)
        assert isinstance(result, Err) and type(result.error) is UnexpectedClientError
        deadline = time.monotonic() + 3
        while not closed and time.monotonic() < deadline:
            time.sleep(0.01)
        assert closed == [True]  # while `result` (and its cause's traceback) is still alive


def test_a_stream_of_comments_only_is_held_to_the_idle_limit(server: Loopback) -> None:
    """`: ping` every 50 ms and never an event: RequestTimeoutError once timeout_ms passes without one."""

    def pings(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
        conn.sendall(b'data: {"id": "c", "model": "m", "choices": []}\n\n')
        for _ in range(200):  # 10 s of pings
            conn.sendall(b": ping\n\n")
            time.sleep(0.05)
        raise OSError("done")

    server.reply_fn(pings)
    with Session(api_key=API_KEY, server_url=server.url, timeout_ms=400) as session:
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        started = time.monotonic()
        with opened.value as stream:
            results = list(stream.results())
        took = time.monotonic() - started
    assert isinstance(results[0], Ok) and isinstance(results[-1], Err) and len(results) == 2
    assert type(results[-1].error) is RequestTimeoutError
    # The idle limit is what is left of timeout_ms when the stream opens: 0.400 s less the time to open it.
    message = re.fullmatch(
        r"no event for (0\.\d{3}) s \(the stream's idle limit\): only comments or nothing", results[-1].error.message
    )
    assert message and 0.2 < float(message[1]) <= 0.4, results[-1].error.message
    assert took < 5.0, took  # the pings go on for 10 s: ended by the idle limit (bound tolerant of load)


def test_a_json_error_answered_to_a_stream_request_is_named(server: Loopback, session: Session) -> None:
    """200 with a JSON error body to chat_stream: ResponseValidationError saying so, with the server's
    message, rather than "stream cut off"."""
    server.reply(200, {"object": "error", "message": "model overloaded", "type": "service_unavailable"})
    opened = chat_stream(session, model=MODEL, messages=MESSAGES)
    assert isinstance(opened, Err) and type(opened.error) is ResponseValidationError, opened
    assert opened.error.message == (
        "a stream was asked for, and the server answered application/json instead: model overloaded"
    )
    assert '"model overloaded"' in opened.error.body
    server.reply(200, CHAT_REPLY)
    assert isinstance(chat_complete(session, model=MODEL, messages=MESSAGES), Ok)


def _trickled_download(_: Recorded, conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n")
    for _ in range(100):  # 20 s, a byte at a time
        conn.sendall(b"x")
        time.sleep(0.2)
    raise OSError("done")


@pytest.mark.parametrize("bound", ["timeout_ms", "deadline_ms", "cancel", "silent"])
def test_download_reads_are_held_to_the_call(server: Loopback, bound: str, tmp_path: Any) -> None:
    """files_download from a server trickling a byte every 0.2 s (or silent after its headers):
    read() and save() end at timeout_ms, deadline_ms or cancel, not when the server is done."""
    from mistral_fn import files_download
    from mistral_fn.errors import RequestAbortedError

    def silent(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
        time.sleep(10)
        raise OSError("done")

    with Session(api_key=API_KEY, server_url=server.url) as session:
        for read in ("read", "save"):
            cancel = threading.Event()
            options: dict[str, Any] = {"timeout_ms": 600}
            if bound == "deadline_ms":
                options = {"timeout_ms": 30_000, "deadline_ms": 600}
            elif bound == "cancel":
                options = {"timeout_ms": 30_000, "cancel": cancel}
            server.reply_fn(silent if bound == "silent" else _trickled_download)
            started = time.monotonic()
            opened = files_download(session, file_id="f", **options)
            assert isinstance(opened, Ok), opened
            if bound == "cancel":  # set while the body is being read
                threading.Timer(0.3, cancel.set).start()
            expected = RequestAbortedError if bound == "cancel" else RequestTimeoutError
            with pytest.raises(expected):
                if read == "read":
                    opened.value.read()
                else:
                    opened.value.save(tmp_path / "out.bin")
            took = time.monotonic() - started
            assert took < 1.5, (read, took)
        assert_still_usable(session, server)
