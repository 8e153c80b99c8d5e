"""Fuzzing what the server answers, for every operation: never an exception, and a valid body is always Ok.

Arbitrary bodies (any JSON, any bytes, any error status) must come back as Ok or one precise Err.
Spec-shaped bodies, built from the operation's own models with random extra properties, random
strings where an enum is open and unknown tags where a union keeps them, must come back as Ok,
and nothing in them may be lost: the value written back as JSON is the body that was sent.
"""

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime import convert
from mistral_fn._runtime.streams import BinaryResponse, EventStream
from mistral_fn.errors import ConnectionError, HTTPValidationError, MistralError, ResponseValidationError
from tests.loopback import Loopback
from tests.reliability.strategies import NAMES, OpInfo, json_values, lost, operation, shaped, valid_arguments
from tests.reliability.support import API_KEY, clear

pytestmark = pytest.mark.fuzz

ARBITRARY_EXAMPLES = 25
SHAPED_EXAMPLES = 25
ERROR_EXAMPLES = 10
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 422, 429, 500, 502, 503, 504]


class Env:
    """The module's loopback server and session, with a short repr for hypothesis' reports."""

    def __init__(self, server: Loopback, session: Session) -> None:
        self.server = server
        self.session = session

    def __repr__(self) -> str:
        return "env"


@pytest.fixture(scope="module")
def env() -> Iterator[Env]:
    with Loopback() as server, Session(api_key=API_KEY, server_url=server.url, timeout_ms=5_000) as session:
        yield Env(server, session)


def _is_stream(info: OpInfo) -> bool:
    return info.op.events is not None


def _is_download(info: OpInfo) -> bool:
    return info.ok_type is BinaryResponse


def _call(info: OpInfo, env: Env) -> Any:
    result = info.function(env.session, **valid_arguments(info))
    assert len(env.server.requests) >= 1
    return result


def _sse(frames: list[tuple[str | None, str]], end_marker: str | None) -> bytes:
    text = "".join((f"event: {name}\n" if name else "") + f"data: {data}\n\n" for name, data in frames)
    if end_marker is not None:
        text += f"data: {end_marker}\n\n"
    return text.encode()


def _queue_sse(env: Env, body: bytes) -> None:
    env.server.reply(200, body, headers={"Content-Type": "text/event-stream"})


# -- arbitrary bodies ------------------------------------------------------------------------------

bodies = st.one_of(json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=64))


@pytest.mark.parametrize("name", NAMES)
@settings(FUZZ, max_examples=ARBITRARY_EXAMPLES)
@given(data=st.data())
def test_arbitrary_success_bodies_never_raise(name: str, env: Env, data: st.DataObject) -> None:
    """Any 2XX body gives Ok or ResponseValidationError (status 200, the text kept); streams never raise."""
    info = operation(name)
    clear(env.server)
    if _is_stream(info):
        events = data.draw(st.lists(json_values, max_size=4), label="events")
        _queue_sse(env, _sse([(None, json.dumps(e)) for e in events], info.op.end_marker))
        result = _call(info, env)
        assert isinstance(result, Ok) and isinstance(result.value, EventStream)
        with result.value as stream:
            results = list(stream.results())
        oks = [r for r in results if isinstance(r, Ok)]
        errs = [r for r in results if isinstance(r, Err)]
        assert results[: len(oks)] == oks and len(errs) <= 1
        if errs:
            assert type(errs[0].error) in (ResponseValidationError, MistralError), errs
        else:
            assert len(oks) == len(events), "events were lost without an error"
        return
    body = data.draw(bodies, label="body")
    env.server.reply(info.ok_status, body, headers={"Content-Type": "application/json"})
    result = _call(info, env)
    if _is_download(info):
        assert isinstance(result, Ok) and isinstance(result.value, BinaryResponse)
        with result.value as download:
            assert download.read() == body
        return
    if info.ok_type is None:
        assert result == Ok(None)
        return
    if isinstance(result, Err):
        error = result.error
        assert type(error) is ResponseValidationError, result
        assert error.status_code == info.ok_status and error.body == body.decode("utf-8", "replace")
        assert error.message.startswith(("the response body is not JSON", "the response is not a")), error.message
    else:
        assert isinstance(result, Ok) and result.meta is not None and result.meta.status_code == info.ok_status


@pytest.mark.parametrize("name", NAMES)
@settings(FUZZ, max_examples=ERROR_EXAMPLES)
@given(status=st.sampled_from(ERROR_STATUSES), body=bodies)
def test_error_statuses_with_arbitrary_bodies(name: str, env: Env, status: int, body: bytes) -> None:
    """Any 4XX/5XX with any body gives MistralError (HTTPValidationError for a 422 in shape) with status and text."""
    info = operation(name)
    clear(env.server)
    env.server.reply(status, body, headers={"Content-Type": "application/json"})
    result = _call(info, env)
    assert isinstance(result, Err) and isinstance(result.error, MistralError), result
    error = result.error
    assert type(error) in (MistralError, HTTPValidationError)
    assert error.status_code == status and error.body == body.decode("utf-8", "replace")
    assert error.message.split(" ")[0] == str(status)


# -- spec-shaped bodies ----------------------------------------------------------------------------


def _event_frames(info: OpInfo) -> st.SearchStrategy[list[tuple[str | None, Any]]]:
    """SSE frames of the operation's event model: the `event:` name (where it has one) and the data."""
    fields = attrs.fields_dict(info.op.events)
    data = shaped(fields["data"].type, 1)
    if "event" in fields:
        names = shaped(fields["event"].type, 1).filter(
            lambda n: n and n == n.strip() and n != "error" and not any(c in n for c in "\r\n\x00")
        )
        frame = st.tuples(names, data)
    else:
        frame = st.tuples(st.none(), data)
    return st.lists(frame, min_size=1, max_size=3)


@pytest.mark.parametrize("name", NAMES)
@settings(FUZZ, max_examples=SHAPED_EXAMPLES)
@given(data=st.data())
def test_spec_shaped_bodies_are_ok_and_nothing_is_lost(name: str, env: Env, data: st.DataObject) -> None:
    """A body that fits the spec, with extras, open-enum strings and unknown tags, is Ok and round-trips whole."""
    info = operation(name)
    clear(env.server)
    if _is_stream(info):
        frames = data.draw(_event_frames(info), label="frames")
        _queue_sse(env, _sse([(n, json.dumps(d)) for n, d in frames], info.op.end_marker))
        result = _call(info, env)
        assert isinstance(result, Ok)
        with result.value as stream:
            results = list(stream.results())
        assert all(isinstance(r, Ok) for r in results), results[-1]
        assert len(results) == len(frames)
        for r, (_, sent) in zip(results, frames, strict=True):
            assert lost(convert.to_json(r.value.data), sent) is None, lost(convert.to_json(r.value.data), sent)
        if frames[0][0] is not None:
            assert [r.value.event for r in results] == [n for n, _ in frames]
        return
    if _is_download(info) or info.ok_type is None:  # bytes as they are, or no body at all (204)
        body = data.draw(st.binary(max_size=4096), label="bytes") if _is_download(info) else b""
        env.server.reply(info.ok_status, body)
        result = _call(info, env)
        assert isinstance(result, Ok)
        if _is_download(info):
            with result.value as download:
                assert download.read() == body
        return
    value = data.draw(shaped(info.ok_type), label="body")
    env.server.reply(info.ok_status, json.dumps(value).encode(), headers={"Content-Type": "application/json"})
    result = _call(info, env)
    assert isinstance(result, Ok), result.error.pretty() if isinstance(result, Err) else result
    problem = lost(convert.to_json(result.value), value)
    assert problem is None, problem


def test_a_connection_error_is_not_a_stream_event(env: Env) -> None:
    """Baseline for the stream fuzzers: an empty 200 stream to a [DONE] operation is ConnectionError."""
    clear(env.server)
    _queue_sse(env, b"")
    result = operation("chat_stream").function(env.session, model="m", messages=[])
    assert isinstance(result, Ok)
    with result.value as stream:
        results = list(stream.results())
    assert len(results) == 1 and isinstance(results[0], Err) and type(results[0].error) is ConnectionError
