"""Streams that fail part-way, through chat_stream and the conversation streams: never silently cut.

A stream's events come out as Ok values up to the failure, then exactly one Err of the precise class;
iterating directly raises that class. Each test ends with a successful call on the same Session.
"""

import json
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from mistral_fn import (
    BackoffStrategy,
    Err,
    Ok,
    RetryConfig,
    Session,
    beta_conversations_start_stream,
    chat_complete,
    chat_stream,
)
from mistral_fn._runtime.streams import EventStream
from mistral_fn.errors import (
    ConnectionError,
    MistralError,
    RequestAbortedError,
    RequestTimeoutError,
    ResponseValidationError,
)
from mistral_fn.testing import MockServer
from tests.loopback import Loopback, Recorded
from tests.reliability.support import API_KEY, MESSAGES, assert_still_usable, reply_sse, reset

MODEL = "mistral-small-latest"
DONE = "data: [DONE]\n\n"
SSE_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"


def _event(i: int, finish_reason: str | None = None) -> str:
    chunk = {
        "id": "s1",
        "model": MODEL,
        "choices": [{"index": 0, "delta": {"content": f"t{i}"}, "finish_reason": finish_reason}],
    }
    return "data: " + json.dumps(chunk) + "\n\n"


def _open(session: Session, **options: object) -> EventStream:  # type: ignore[type-arg]
    result = chat_stream(session, model=MODEL, messages=MESSAGES, **options)  # type: ignore[arg-type]
    assert isinstance(result, Ok), result
    return result.value


def _texts(results: list[object]) -> list[str]:
    return [r.value.data.choices[0].delta.content for r in results if isinstance(r, Ok)]  # type: ignore[attr-defined]


def _chunked(*pieces: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "close-delimited"])
def test_every_sse_line_ending_cut_every_five_bytes(
    server: Loopback, session: Session, newline: str, chunked: bool
) -> None:
    """LF, CRLF and CR line endings (all allowed by SSE), cut every 5 bytes: every event, in order, then the end."""
    body = "".join(_event(i).replace("\n", newline) for i in range(6)) + DONE.replace("\n", newline)
    reply_sse(server, [body[i : i + 5] for i in range(0, len(body), 5)], chunked=chunked)
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == [f"t{i}" for i in range(6)] and len(results) == 6
    assert_still_usable(session, server)


def test_stream_reset_in_the_middle_of_an_event(server: Loopback, session: Session) -> None:
    """A TCP reset half-way through an event: the whole events before it, then Err(ConnectionError)."""

    def handler(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(SSE_HEAD + b"Transfer-Encoding: chunked\r\n\r\n")
        conn.sendall(_chunked(_event(0).encode(), _event(1).encode()[:30]))
        time.sleep(0.05)
        reset(conn)
        raise OSError("reset")

    server.reply_fn(handler)
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0"] and len(results) == 2
    last = results[-1]
    assert isinstance(last, Err) and type(last.error) is ConnectionError
    assert last.error.message.startswith("stream cut off: connection dropped")
    assert_still_usable(session, server)


def test_stream_closed_in_the_middle_of_an_event(server: Loopback, session: Session) -> None:
    """A close (FIN) after half an event: the partial event is never yielded; Err(ConnectionError)."""
    reply_sse(server, [_event(0), _event(1)[:-2]], chunked=False)
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0"] and len(results) == 2
    assert isinstance(results[1], Err) and type(results[1].error) is ConnectionError
    assert results[1].error.message == "stream cut off in the middle of an event"
    assert_still_usable(session, server)


def test_mock_cut_stream_fault_is_connection_error(server: Loopback) -> None:
    """MockServer fault="cut_stream" (half the frames, then the connection shut) ends in Err(ConnectionError)."""
    with MockServer() as mock:
        session = Session(api_key=API_KEY, server_url=mock.url)
        mock.queue("chat_stream", fault="cut_stream")
        with _open(session) as stream:
            results = list(stream.results())
        assert results and all(isinstance(r, Ok) for r in results[:-1])
        assert isinstance(results[-1], Err) and type(results[-1].error) is ConnectionError
        assert isinstance(_open(session).collect(), Ok)  # the next stream is whole
    assert_still_usable(session, server)


def test_stream_ended_without_done(server: Loopback, session: Session) -> None:
    """A stream that ends cleanly between events but without [DONE] is Err(ConnectionError), not a short success."""
    reply_sse(server, [_event(0), _event(1)])
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0", "t1"] and len(results) == 3
    assert isinstance(results[2], Err) and type(results[2].error) is ConnectionError
    assert results[2].error.message == "stream ended without its end marker '[DONE]'"
    assert_still_usable(session, server)


def test_iterating_a_cut_stream_raises_the_error(server: Loopback, session: Session) -> None:
    """Plain iteration raises ConnectionError at the cut, after yielding the events before it."""
    reply_sse(server, [_event(0)])
    seen = []
    with pytest.raises(ConnectionError, match="end marker"), _open(session) as stream:
        for event in stream:
            seen.append(event.data.choices[0].delta.content)
    assert seen == ["t0"]
    assert_still_usable(session, server)


def test_collect_and_text_of_a_cut_stream_are_err(server: Loopback, session: Session) -> None:
    """collect() and text() of a stream without [DONE] give Err(ConnectionError), never partial text."""
    reply_sse(server, [_event(0), _event(1, "stop")])
    collected = _open(session).collect()
    assert isinstance(collected, Err) and type(collected.error) is ConnectionError
    reply_sse(server, [_event(0), _event(1, "stop")])
    text = _open(session).text()
    assert isinstance(text, Err) and type(text.error) is ConnectionError
    reply_sse(server, [_event(0), _event(1, "stop"), DONE])
    assert _open(session).text() == Ok("t0t1")
    assert_still_usable(session, server)


def test_malformed_data_line_is_response_validation_error(server: Loopback, session: Session) -> None:
    """A data: line that is not JSON gives ResponseValidationError with the line's text, and the stream stops."""
    reply_sse(server, [_event(0), 'data: {"id": "s1", "choices": [\n\n', _event(2), DONE])
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0"] and len(results) == 2
    error = results[1].error  # type: ignore[union-attr]
    assert type(error) is ResponseValidationError
    assert error.message == 'malformed event: \'{"id": "s1", "choices": [\''
    assert error.body == '{"id": "s1", "choices": [' and error.status_code == 200
    assert_still_usable(session, server)


def test_deeply_nested_event_is_response_validation_error(server: Loopback, session: Session) -> None:
    """An event nested 100,000 deep gives ResponseValidationError for that event, after the ones before it."""
    reply_sse(server, [_event(0), "data: " + "[" * 100_000 + "\n\n", _event(2), DONE])
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0"] and len(results) == 2
    error = results[1].error  # type: ignore[union-attr]
    assert type(error) is ResponseValidationError and error.message.startswith("malformed event: '[[[[")
    assert_still_usable(session, server)


def test_error_event_frame_is_mistral_error(server: Loopback, session: Session) -> None:
    """An `event: error` frame gives MistralError with the server's message, after the events before it."""
    frame = 'event: error\ndata: {"error": {"message": "Service tier capacity exceeded", "code": 3505}}\n\n'
    reply_sse(server, [_event(0), frame, _event(1), DONE])
    with _open(session) as stream:
        results = list(stream.results())
    assert _texts(results) == ["t0"] and len(results) == 2
    error = results[1].error  # type: ignore[union-attr]
    assert type(error) is MistralError
    assert error.message == "error event in the stream: Service tier capacity exceeded"
    assert error.status_code == 200 and json.loads(error.body)["error"]["code"] == 3505
    assert_still_usable(session, server)


def test_stream_that_goes_silent_times_out(server: Loopback) -> None:
    """A stream that stops sending without closing gives RequestTimeoutError after timeout_ms."""

    def silent_after_one(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(SSE_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(_event(0).encode()))
        time.sleep(1.0)

    server.reply_fn(silent_after_one)
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=250)
    started = time.monotonic()
    with _open(session) as stream:
        results = list(stream.results())
    assert 0.24 <= time.monotonic() - started < 0.9
    assert _texts(results) == ["t0"] and len(results) == 2
    assert isinstance(results[1], Err) and type(results[1].error) is RequestTimeoutError
    assert results[1].error.message == "timed out waiting for the response"
    assert_still_usable(session, server)


def test_conversation_stream_cut_mid_event_is_connection_error(server: Loopback, session: Session) -> None:
    """A conversation stream (no end marker) cut in the middle of an event is Err(ConnectionError) too."""
    started = {"type": "conversation.response.started", "conversation_id": "c1", "created_at": "2025-01-01T00:00:00Z"}
    whole = f"event: conversation.response.started\ndata: {json.dumps(started)}\n\n"
    reply_sse(server, [whole, whole[:-20]], chunked=False)
    result = beta_conversations_start_stream(session, inputs="hi")
    assert isinstance(result, Ok)
    with result.value as stream:
        results = list(stream.results())
    assert (
        len(results) == 2 and isinstance(results[0], Ok) and results[0].value.event == "conversation.response.started"
    )
    assert isinstance(results[1], Err) and type(results[1].error) is ConnectionError
    assert_still_usable(session, server)


def test_stream_closed_unread_frees_the_connection(server: Loopback, session: Session) -> None:
    """A stream closed after one event (of 200 pending) returns nothing more and leaves the session usable."""
    reply_sse(server, [_event(i) for i in range(200)] + [DONE], pause=0.002)
    with _open(session) as stream:
        first = next(stream)
    assert first.data.choices[0].delta.content == "t0"
    assert list(stream.results()) == []
    assert_still_usable(session, server)


# -- cancel ---------------------------------------------------------------------------------------


def test_cancel_during_a_stream(server: Loopback, session: Session) -> None:
    """cancel set while events are arriving stops the stream with RequestAbortedError."""
    reply_sse(server, [_event(i) for i in range(100)] + [DONE], pause=0.01)
    cancel = threading.Event()
    with _open(session, cancel=cancel) as stream:
        assert next(stream).data.choices[0].delta.content == "t0"
        cancel.set()
        results = list(stream.results())
    assert len(results) >= 1 and len(_texts(results)) < 99
    assert isinstance(results[-1], Err) and type(results[-1].error) is RequestAbortedError
    assert results[-1].error.message == "cancelled during the stream"
    assert_still_usable(session, server)


def test_cancel_during_a_backoff_wait(server: Loopback, session: Session) -> None:
    """cancel set while waiting 5 s to retry a 503 stops the call at once with RequestAbortedError."""
    server.reply(503, {"message": "busy"}, headers={"Retry-After": "5"})
    cancel = threading.Event()
    threading.Timer(0.15, cancel.set).start()
    started = time.monotonic()
    retries = RetryConfig(backoff=BackoffStrategy(initial_interval=5, max_interval=10_000, max_elapsed_time=60_000))
    result = chat_complete(session, model=MODEL, messages=MESSAGES, retries=retries, cancel=cancel)
    assert time.monotonic() - started < 1.0
    assert isinstance(result, Err) and type(result.error) is RequestAbortedError
    assert result.error.message == "cancelled while waiting to retry"
    assert isinstance(result.error.cause, MistralError) and result.error.cause.status_code == 503
    assert len(server.requests) == 1
    assert_still_usable(session, server)


@pytest.fixture
def silent_stream(server: Loopback) -> Iterator[Session]:
    def one_event_then_silence(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(SSE_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + _chunked(_event(0).encode()))
        time.sleep(1.0)

    server.reply_fn(one_event_then_silence)
    yield Session(api_key=API_KEY, server_url=server.url, timeout_ms=800)


def test_cancel_during_a_silent_stream(silent_stream: Session) -> None:
    """cancel set while a stream is silent stops it promptly with RequestAbortedError."""
    cancel = threading.Event()
    with _open(silent_stream, cancel=cancel) as stream:
        next(stream)
        threading.Timer(0.1, cancel.set).start()
        started = time.monotonic()
        results = list(stream.results())
    assert isinstance(results[-1], Err) and type(results[-1].error) is RequestAbortedError
    assert time.monotonic() - started < 0.5


def test_cancel_while_waiting_for_the_response(server: Loopback) -> None:
    """cancel set while the server has not answered yet stops the call promptly with RequestAbortedError."""
    server.reply_fn(lambda request, conn: time.sleep(1.0))
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=800)
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    started = time.monotonic()
    result = chat_complete(session, model=MODEL, messages=MESSAGES, cancel=cancel)
    assert isinstance(result, Err) and type(result.error) is RequestAbortedError
    assert time.monotonic() - started < 0.5


def test_unknown_finish_reason_in_a_stream_chunk_is_kept(server: Loopback, session: Session) -> None:
    """An unknown finish_reason in a chat stream chunk is kept as a string, as everywhere else."""
    reply_sse(server, [_event(0, "model_length"), DONE])
    with _open(session) as stream:
        results = list(stream.results())
    assert len(results) == 1 and isinstance(results[0], Ok)
    assert results[0].value.data.choices[0].finish_reason == "model_length"
