"""Server-sent events are parsed in linear time, and a stream's Result methods never raise.

The fault suite saw a 40 MB unterminated `data:` line take 11.8 s and an 800 KB event of short
`data:` lines take 10.9 s with `timeout_ms=5000` (sseclient-py concatenates each line onto the event
so far). Both now end well inside the timeout, with the whole event or the precise error.
"""

import json
import socket
import time

import pytest

from mistral_fn import Err, Ok, Session, chat_stream
from mistral_fn._runtime import sse
from mistral_fn.errors import ConnectionError, ResponseValidationError
from tests.loopback import Loopback, Recorded
from tests.reliability.support import MESSAGES, reply_sse

MODEL = "mistral-small-latest"
SSE_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"


def _send_in_pieces(data: bytes, piece: int = 16 * 1024) -> "object":
    """A handler sending `data` close-delimited, in `piece`-byte writes (the reads come back about as small)."""

    def handler(_: Recorded, conn: socket.socket) -> None:
        conn.sendall(SSE_HEAD)
        view = memoryview(data)
        for start in range(0, len(data), piece):
            conn.sendall(view[start : start + piece])
        conn.shutdown(socket.SHUT_WR)
        raise OSError("closed after the stream")

    return handler


def test_40_mb_unterminated_data_line_ends_within_the_timeout(server: Loopback) -> None:
    """A 40 MB `data:` line that never ends, then the server closes: ConnectionError (cut mid-event), in
    well under timeout_ms, never an event made of the half-line."""
    server.reply_fn(_send_in_pieces(b"data: " + b"a" * (40 * 2**20)))  # type: ignore[arg-type]
    with Session(api_key="sk-test-12345678", server_url=server.url, timeout_ms=5000) as session:
        started = time.monotonic()
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        results = list(opened.value.results())
        took = time.monotonic() - started
    assert len(results) == 1 and isinstance(results[0], Err) and type(results[0].error) is ConnectionError
    assert results[0].error.message == "stream cut off in the middle of an event"
    assert took < 10.0, took  # the fault suite saw 11.8 s; linearity itself: test_parsing_time_is_linear_*
    print(f"\n40 MB unterminated data line: {took:.2f} s")


def test_800_kb_event_of_short_data_lines_is_read_whole_and_fast(server: Loopback) -> None:
    """One 800 KB event of 100,000 `data:` lines (JSON split across them): one Ok event, quickly."""
    lines = ['data: {"id": "c", "model": "m", "choices": [], "pad": [']
    lines += ["data:1,"] * 100_000
    lines += ["data: 1]}", "", "data: [DONE]", "", ""]
    body = "\n".join(lines).encode()
    assert 750_000 < len(body) < 850_000
    server.reply_fn(_send_in_pieces(body))  # type: ignore[arg-type]
    with Session(api_key="sk-test-12345678", server_url=server.url, timeout_ms=5000) as session:
        started = time.monotonic()
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        results = list(opened.value.results())
        took = time.monotonic() - started
    assert len(results) == 1 and isinstance(results[0], Ok), results[-1]
    assert len(results[0].value.data.extra_fields["pad"]) == 100_001
    assert took < 5.0, took  # within timeout_ms (the fault suite saw 10.9 s)
    print(f"\n800 KB event of 100,000 data lines: {took:.2f} s")


def _parse_cpu_seconds(data: bytes) -> float:
    chunks = [data[i : i + 16384] for i in range(0, len(data), 16384)]
    started = time.process_time()
    for _ in sse.parse(iter(chunks), max_event_bytes=2**30):
        pass
    return time.process_time() - started


@pytest.mark.parametrize("shape", ["one long line", "many short lines"])
def test_parsing_time_is_linear_in_the_event_size(shape: str) -> None:
    """Four times the bytes take about four times the CPU time (quadratic would be sixteen)."""

    def event(size: int) -> bytes:
        if shape == "one long line":
            return b"data: " + b"a" * size + b"\n\n"
        return b"data:1,\n" * (size // 8) + b"\n"

    base = 2 * 2**20 if shape == "one long line" else 2**19  # short lines cost ~1 us each: fewer bytes
    small, large = (min(_parse_cpu_seconds(event(size)) for _ in range(2)) for size in (base, 4 * base))
    print(f"\n{shape}: {base >> 10} KB {small:.3f} s, {base >> 8} KB {large:.3f} s CPU, ratio {large / small:.1f}")
    assert large / small < 8


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_parser_reads_any_line_ending_cut_anywhere(ending: bytes) -> None:
    """The parser's own rules, byte by byte: fields, comments, multi-line data, a CR cut from its LF."""
    text = b": comment\nevent: tick\ndata: a\ndata:b\nid: 7\nretry: 5\nunknown: x\n\ndata\n\ndata: last\n\n"
    stream = text.replace(b"\n", ending)
    pieces = [stream[i : i + 1] for i in range(len(stream))]
    parsed = list(sse.parse(iter(pieces), max_event_bytes=1000))
    assert parsed == [("tick", "a\nb", True), ("message", "last", True)]  # an empty `data` is not an event


def test_parser_reports_an_unterminated_last_event() -> None:
    """An event the stream ends inside is given as incomplete (the caller decides: end marker or cut)."""
    assert list(sse.parse(iter([b"data: 1\n\ndata: [DONE]"]), 1000)) == [
        ("message", "1", True),
        ("message", "[DONE]", False),
    ]


def test_parser_refuses_an_event_past_its_limit() -> None:
    """An event (or an unterminated line) past max_event_bytes raises EventTooLarge as soon as it is seen."""
    with pytest.raises(sse.EventTooLarge):
        list(sse.parse(iter([b"data: " + b"x" * 600, b"x" * 600]), max_event_bytes=1000))
    with pytest.raises(sse.EventTooLarge):
        list(sse.parse(iter([b"data: xxxxxxxxxx\n"] * 200), max_event_bytes=1000))
    assert list(sse.parse(iter([b"data: xxxxxxxxxx\n\n"] * 200), max_event_bytes=1000))[-1] == (
        "message",
        "xxxxxxxxxx",
        True,
    )


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_collect_and_text_never_raise_on_deep_nesting(server: Loopback, session: Session) -> None:
    """A 1 KB event nested 500 deep: collect() and text() return Err(ResponseValidationError), never raise."""
    chunk = {"id": "c", "model": "m", "choices": [{"index": 0, "delta": {"content": "hi"}}]}
    event = json.dumps(chunk)[:-1] + ', "pad": ' + _nested(500) + "}"
    assert len(event) < 1200
    for method in ("collect", "text"):
        reply_sse(server, ["data: " + event + "\n\n", "data: [DONE]\n\n"])
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        result = getattr(opened.value, method)()
        assert isinstance(result, Err) and type(result.error) is ResponseValidationError, result
        assert "nested too deep" in result.error.message
