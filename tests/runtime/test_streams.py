"""EventStream over real SSE bytes: clean ends, cuts, malformed events, error frames, cancel."""

import json
import threading

import pytest

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.invoke import Call, invoke
from mistral_fn._runtime.streams import EventStream
from mistral_fn.errors import ConnectionError, MistralError, RequestAbortedError, ResponseValidationError
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT_BODY, CHAT_STREAM, ChatEvent


def _event(i: int) -> str:
    return "data: " + json.dumps({"id": "s", "choices": [{"index": 0, "delta": {"content": f"t{i}"}}]}) + "\n\n"


def _open(session: Session, **call: object) -> EventStream[ChatEvent]:
    result = invoke(session, CHAT_STREAM, body={**CHAT_BODY, "stream": True}, call=Call(**call))  # type: ignore[arg-type]
    assert isinstance(result, Ok), result
    return result.value


def _cut(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


@pytest.mark.parametrize("chunked", [True, False])
@pytest.mark.parametrize("piece", [1, 7, 4096])
def test_stream_ends_at_done(server: Loopback, session: Session, chunked: bool, piece: int) -> None:
    """Events cut at awkward places arrive whole and in order; iteration ends at [DONE]."""
    body = "".join(_event(i) for i in range(20)) + ": keep-alive\n\ndata: [DONE]\n\n"
    server.reply_sse(_cut(body, piece), chunked=chunked)
    with _open(session) as stream:
        texts = [event.data.choices[0].delta.content for event in stream]
    assert texts == [f"t{i}" for i in range(20)]
    assert server.requests[0].header("Accept") == "text/event-stream"


def test_stream_cut_before_done_raises(server: Loopback, session: Session) -> None:
    """A stream that ends without [DONE] raises ConnectionError after the events it had."""
    server.reply_sse([_event(0), _event(1)])
    stream = _open(session)
    assert next(stream).data.choices[0].delta.content == "t0"
    assert next(stream).data.choices[0].delta.content == "t1"
    with pytest.raises(ConnectionError, match="end marker"):
        next(stream)


def test_stream_cut_mid_event_never_yields_the_half(server: Loopback, session: Session) -> None:
    """A connection dropped in the middle of an event is an error; the partial event is not yielded."""
    half = _event(1)[:-2]  # complete JSON, but the event's blank line never came
    server.reply_sse([_event(0), half], chunked=False)
    results = list(_open(session).results())
    assert isinstance(results[0], Ok)
    assert len(results) == 2 and isinstance(results[1], Err) and isinstance(results[1].error, ConnectionError)


def test_malformed_event_is_response_validation_error(server: Loopback, session: Session) -> None:
    """A data line that is not JSON raises ResponseValidationError carrying the text."""
    server.reply_sse([_event(0), "data: {not json\n\n", "data: [DONE]\n\n"])
    results = list(_open(session).results())
    assert isinstance(results[1], Err) and isinstance(results[1].error, ResponseValidationError)
    assert "{not json" in results[1].error.body


def test_event_that_does_not_fit_its_model(server: Loopback, session: Session) -> None:
    """An event of the wrong shape is an error, not a silent skip."""
    server.reply_sse(['data: {"id": 3, "choices": []}\n\n', "data: [DONE]\n\n"])
    results = list(_open(session).results())
    assert isinstance(results[0], Err) and isinstance(results[0].error, ResponseValidationError)


def test_error_frame_raises_mistral_error(server: Loopback, session: Session) -> None:
    """An `event: error` frame becomes MistralError with the server's message."""
    server.reply_sse([_event(0), 'event: error\ndata: {"message": "overloaded"}\n\n'])
    results = list(_open(session).results())
    assert isinstance(results[1], Err) and isinstance(results[1].error, MistralError)
    assert "overloaded" in results[1].error.message


def test_cancel_during_stream(server: Loopback, session: Session) -> None:
    """Setting cancel mid-stream stops it with RequestAbortedError."""
    server.reply_sse([_event(i) for i in range(50)] + ["data: [DONE]\n\n"], pause=0.02)
    cancel = threading.Event()
    stream = _open(session, cancel=cancel)
    next(stream)
    cancel.set()
    with pytest.raises(RequestAbortedError):
        for _ in stream:
            pass


def test_stream_error_status_is_err(server: Loopback, session: Session) -> None:
    """An HTTP error before the stream starts is an Err like any other call."""
    server.reply(429, {"message": "rate limited"})
    result = invoke(session, CHAT_STREAM, body=CHAT_BODY)
    assert isinstance(result, Err) and result.error.status_code == 429


def test_results_never_raise_and_close_is_idempotent(server: Loopback, session: Session) -> None:
    """results() gives Ok events then one Err; close() twice is fine."""
    server.reply_sse([_event(0)])
    stream = _open(session)
    kinds = [type(r).__name__ for r in stream.results()]
    assert kinds == ["Ok", "Err"]
    stream.close()
    stream.close()


def _chunk(choices: list[dict[str, object]], **extra: object) -> str:
    return "data: " + json.dumps({"id": "s1", "choices": choices, **extra}) + "\n\n"


def test_collect_concatenates_fifty_events(server: Loopback, session: Session) -> None:
    """collect() joins the content of 50 events, with finish_reason and usage from the last ones."""
    events = [_chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}}])]
    events += [_chunk([{"index": 0, "delta": {"content": f"w{i} "}}]) for i in range(50)]
    usage = {"prompt_tokens": 3, "completion_tokens": 50, "total_tokens": 53}
    events += [
        _chunk([{"index": 0, "delta": {"content": ""}, "finish_reason": "stop"}], usage=usage),
        "data: [DONE]\n\n",
    ]
    server.reply_sse(events)
    collected = _open(session).collect()
    assert isinstance(collected, Ok)
    choice = collected.value.choices[0]
    assert choice.message.content == "".join(f"w{i} " for i in range(50))
    assert (choice.finish_reason, collected.value.usage, collected.value.id) == ("stop", usage, "s1")
    server.reply_sse(events)
    assert _open(session).text() == Ok("".join(f"w{i} " for i in range(50)))


def test_collect_merges_tool_call_fragments_by_index(server: Loopback, session: Session) -> None:
    """Tool-call argument fragments are merged by index into whole calls."""
    calls = [
        [{"id": "c0", "index": 0, "function": {"name": "get_weather", "arguments": '{"ci'}}],
        [{"id": "c1", "index": 1, "function": {"name": "get_time", "arguments": ""}}],
        [{"index": 0, "function": {"name": "", "arguments": 'ty": "Paris"}'}}],
        [{"index": 1, "function": {"name": "", "arguments": '{"tz": "CET"}'}}],
    ]
    events = [_chunk([{"index": 0, "delta": {"tool_calls": c}}]) for c in calls]
    events += [_chunk([{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]), "data: [DONE]\n\n"]
    server.reply_sse(events)
    collected = _open(session).collect()
    assert isinstance(collected, Ok)
    tool_calls = collected.value.choices[0].message.tool_calls
    assert [(t.id, t.function.name, t.function.arguments) for t in tool_calls] == [
        ("c0", "get_weather", '{"city": "Paris"}'),
        ("c1", "get_time", '{"tz": "CET"}'),
    ]
    assert collected.value.choices[0].finish_reason == "tool_calls"


def test_collect_of_a_cut_stream_is_err(server: Loopback, session: Session) -> None:
    """A stream cut before [DONE] collects to Err, never to a silently partial response."""
    server.reply_sse([_chunk([{"index": 0, "delta": {"content": "partial"}}])])
    collected = _open(session).collect()
    assert isinstance(collected, Err) and isinstance(collected.error, ConnectionError)


def test_silent_stream_times_out(server: Loopback) -> None:
    """A stream that stops sending (without closing) raises RequestTimeoutError after timeout_ms."""
    import socket
    import time

    from mistral_fn.errors import RequestTimeoutError
    from tests.loopback import Recorded

    def silent_after_one(request: Recorded, conn: socket.socket) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        event = _event(0).encode()
        conn.sendall(b"%x\r\n%s\r\n" % (len(event), event))
        time.sleep(2)

    server.reply_fn(silent_after_one)
    session = Session(api_key="k", server_url=server.url, timeout_ms=300)
    results = list(_open(session).results())
    assert isinstance(results[0], Ok)
    assert isinstance(results[1], Err) and isinstance(results[1].error, RequestTimeoutError)


_NO_MARKER = CHAT_STREAM.replace(end_marker=None, collect_into=None)


@pytest.mark.parametrize("how", ["close-delimited", "chunked, terminated", "chunked, dropped"])
def test_stream_without_end_marker_cut_between_events(server: Loopback, session: Session, how: str) -> None:
    """With no end marker (conversations, transcriptions), a clean end between events cannot be told from
    the real end: iteration just stops. A chunked body dropped before its last chunk is still an error."""
    body = (_event(0) + _event(1)).encode()
    if how == "close-delimited":
        server.reply_sse([body], chunked=False)
    else:
        end = b"0\r\n\r\n" if how == "chunked, terminated" else b""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        server.reply_raw(head + b"%x\r\n%s\r\n" % (len(body), body) + end)
    result = invoke(session, _NO_MARKER, body={**CHAT_BODY, "stream": True})
    assert isinstance(result, Ok)
    results = list(result.value.results())
    assert [r.value.data.choices[0].delta.content for r in results if isinstance(r, Ok)] == ["t0", "t1"]
    if how == "chunked, dropped":
        assert isinstance(results[-1], Err) and isinstance(results[-1].error, ConnectionError)
    else:
        assert all(isinstance(r, Ok) for r in results)
