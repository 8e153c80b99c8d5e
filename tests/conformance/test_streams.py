"""The seven streaming operations against replayed event streams (sse_replay.py).

Every event the spec can send (each member of each event union, minimal, full and with nulls)
comes out of the `EventStream` as the spec's event model, its payload as the member's model with
nothing lost, and the stream ends cleanly (at `data: [DONE]` where the API sends it).
"""

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

import mistral_fn.models
from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.convert import to_json
from tests.not_run import skip_module_without_spec

from . import args, spec
from .sse_replay import END_MARKER, SSEReplay, event_schema, events_for

skip_module_without_spec()
STREAMING = [op for op in spec.operations() if op.streaming]


@pytest.fixture
def replay() -> Iterator[SSEReplay]:
    with SSEReplay() as server:
        yield server


def _open(server: SSEReplay, op: spec.Operation) -> Any:
    fn = getattr(importlib.import_module(f"mistral_fn.funcs.{op.python_name}"), op.python_name)
    session = Session(api_key="sk-replay", server_url=server.url, timeout_ms=10_000)
    result = fn(session, **args.build(op, "required").kwargs)  # type: ignore[union-attr]
    assert isinstance(result, Ok), f"{op.python_name}: {result!r}"
    return result.value


def test_every_streaming_operation_is_replayed() -> None:
    """The replay covers the seven streaming operations of operations.tsv."""
    assert sorted(op.python_name for op in STREAMING) == [
        "agents_stream",
        "audio_transcriptions_stream",
        "beta_conversations_append_stream",
        "beta_conversations_restart_stream",
        "beta_conversations_start_stream",
        "chat_stream",
        "fim_stream",
    ]


@pytest.mark.parametrize("op", STREAMING, ids=[op.python_name for op in STREAMING])
def test_every_event_reads_as_its_model(replay: SSEReplay, op: spec.Operation) -> None:
    """Each replayed event is the spec's event model, its data the right member, nothing lost."""
    sent = replay.replay(op)
    envelope = getattr(mistral_fn.models, event_schema(op))
    with _open(replay, op) as stream:
        results = list(stream.results())
    errors = [r.error for r in results if isinstance(r, Err)]
    assert not errors, f"{op.python_name}: {errors[0]!r}\n{getattr(errors[0], 'body', '')[:2000]}"
    assert len(results) == len(sent), f"{op.python_name}: {len(results)} events read, {len(sent)} sent"
    for result, r in zip(results, sent, strict=True):
        event = result.value
        where = f"{op.python_name}: {r.model} ({r.variant})"
        assert isinstance(event, envelope), f"{where}: read as {type(event).__name__}"
        assert type(event.data).__name__ == r.model, f"{where}: data read as {type(event.data).__name__}"
        if r.event is not None:
            assert event.event == r.event, f"{where}: event name {event.event!r}"
        assert to_json(event.data) == r.data, f"{where}: read back differs\n  sent: {r.data}\n  read: {event.data!r}"
    assert replay.requests[-1].header("Accept") == "text/event-stream"


@pytest.mark.parametrize("op", STREAMING, ids=[op.python_name for op in STREAMING])
def test_stream_iterates_to_its_end(replay: SSEReplay, op: spec.Operation) -> None:
    """Plain iteration yields every event and stops without raising, at [DONE] or at the end."""
    sent = replay.replay(op)
    with _open(replay, op) as stream:
        assert len(list(stream)) == len(sent)


COMPLETION_STREAMS = [op for op in STREAMING if op.python_name in END_MARKER]


def _as_assistant(chunk: Any) -> Any:
    """The roles and finish reasons a real server sends: 'assistant', and a reason at the end."""
    for choice in chunk["choices"]:
        if choice["delta"].get("role") is not None:
            choice["delta"]["role"] = "assistant"
        choice["finish_reason"] = choice.get("finish_reason") or "stop"
    return chunk


def _collect(replay: SSEReplay, op: spec.Operation, change: Any) -> Any:
    replay.replay(op, change)
    collected = _open(replay, op).collect()
    expected = "FIMCompletionResponse" if op.python_name == "fim_stream" else "ChatCompletionResponse"
    assert isinstance(collected, Ok), f"{op.python_name}: {collected!r}"
    assert type(collected.value).__name__ == expected
    return collected.value


def _completion_cases(reason: str | None) -> list[Any]:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return [pytest.param(op, id=op.python_name, marks=marks) for op in COMPLETION_STREAMS]


@pytest.mark.parametrize("op", _completion_cases(None))
def test_completion_stream_collects(replay: SSEReplay, op: spec.Operation) -> None:
    """collect() over every kind of chunk the spec allows gives the whole completion response."""
    response = _collect(replay, op, _as_assistant)
    assert [c.finish_reason for c in response.choices] == ["stop", "tool_calls"]


@pytest.mark.parametrize("op", _completion_cases(None))
def test_completion_stream_collects_any_delta_role(replay: SSEReplay, op: spec.Operation) -> None:
    """A `delta.role` other than 'assistant' (any string, says the spec) still collects."""

    def other_role(chunk: Any) -> Any:
        chunk = _as_assistant(chunk)
        for choice in chunk["choices"]:
            choice["delta"]["role"] = "tool"
        return chunk

    _collect(replay, op, other_role)


@pytest.mark.parametrize("op", _completion_cases(None))
def test_completion_stream_collects_without_finish_reason(replay: SSEReplay, op: spec.Operation) -> None:
    """A stream whose chunks all say `finish_reason: null` (allowed by the spec) still collects."""

    def no_reason(chunk: Any) -> Any:
        chunk = _as_assistant(chunk)
        for choice in chunk["choices"]:
            choice["finish_reason"] = None
        return chunk

    _collect(replay, op, no_reason)


def test_replayed_events_cover_every_member() -> None:
    """Each union member of each event schema is replayed (10 conversation, 4 transcription kinds)."""
    by_op = {op.python_name: {r.model for r in events_for(op)} for op in STREAMING}
    assert len(by_op["beta_conversations_start_stream"]) == 10
    assert len(by_op["audio_transcriptions_stream"]) == 4
    assert by_op["chat_stream"] == {"CompletionChunk"}
