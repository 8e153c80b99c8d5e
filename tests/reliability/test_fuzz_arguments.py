"""Fuzzing every operation's declared keywords: never an exception, and ill-typed input sends nothing.

Only declared keywords are fuzzed: an unknown keyword is a Python TypeError by design. Examples are
derandomized (a fixed seed per test) and no example database is kept, so every run is the same.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.streams import BinaryResponse, EventStream
from mistral_fn.errors import (
    ConnectionError,
    HTTPValidationError,
    InvalidRequestError,
    MistralError,
    ResponseValidationError,
)
from tests.loopback import Loopback
from tests.reliability.strategies import (
    ALL_KINDS,
    NAMES,
    OpInfo,
    accepted_kinds,
    ill_typed,
    json_values,
    operation,
    valid_arguments,
)
from tests.reliability.support import API_KEY, clear

pytestmark = pytest.mark.fuzz

ARBITRARY_EXAMPLES = 40
ILL_TYPED_EXAMPLES = 20
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# What a request that was sent may come back as: the loopback answers `{}` to everything.
AFTER_SENDING = (MistralError, HTTPValidationError, ResponseValidationError, ConnectionError)


class Env:
    """The module's loopback server and session, with a short repr for hypothesis' reports."""

    def __init__(self, server: Loopback, session: Session) -> None:
        self.server = server
        self.session = session

    def __repr__(self) -> str:
        return "env"


@pytest.fixture(scope="module")
def env() -> Iterator[Env]:
    with Loopback(default={}) as server, Session(api_key=API_KEY, server_url=server.url, timeout_ms=5_000) as session:
        yield Env(server, session)


def _finish(value: Any) -> None:
    """Read and close what an Ok may hold open (a stream or a download)."""
    if isinstance(value, EventStream):
        with value:
            list(value.results())
    elif isinstance(value, BinaryResponse):
        with value:
            value.read()


def _call(info: OpInfo, env: Env, arguments: dict[str, Any]) -> tuple[Any, int]:
    clear(env.server)
    before = len(env.server.requests)
    result = info.function(env.session, **arguments)
    return result, len(env.server.requests) - before


# JSON-ish, plus what Python callers can pass that JSON cannot carry: NaN and the infinities.
argument_values = st.recursive(
    json_values | st.sampled_from([float("nan"), float("inf"), float("-inf")]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def arbitrary_arguments(draw: st.DrawFn, info: OpInfo) -> dict[str, Any]:
    """Required keywords valid or arbitrary, optional ones left out or arbitrary."""
    valid = valid_arguments(info)
    arguments: dict[str, Any] = {}
    for name in info.params:
        if name in valid:
            arguments[name] = draw(st.just(valid[name]) | argument_values)
        elif draw(st.booleans()):
            arguments[name] = draw(argument_values)
    return arguments


@pytest.mark.parametrize("name", NAMES)
@settings(FUZZ, max_examples=ARBITRARY_EXAMPLES)
@given(data=st.data())
def test_arbitrary_arguments_never_raise(name: str, env: Env, data: st.DataObject) -> None:
    """Arbitrary JSON values for any declared keyword give Ok or a precise Err; InvalidRequestError sends nothing."""
    info = operation(name)
    arguments = data.draw(arbitrary_arguments(info), label="arguments")
    result, sent = _call(info, env, arguments)
    assert isinstance(result, (Ok, Err))
    if isinstance(result, Ok):
        assert sent == 1
        _finish(result.value)
        return
    error = result.error
    if type(error) is InvalidRequestError:
        assert sent == 0, f"{name}: refused input was sent"
        assert any(error.message.startswith(f"invalid argument {k}") for k in arguments), error.message
    else:
        assert isinstance(error, AFTER_SENDING), f"{name}: {error!r}"
        assert sent == 1


ILL_TYPED = [n for n in NAMES if any(accepted_kinds(operation(n), k) != ALL_KINDS for k in operation(n).params)]


@st.composite
def one_ill_typed(draw: st.DrawFn, info: OpInfo) -> tuple[str, dict[str, Any]]:
    """Every required keyword valid, and one keyword given a JSON kind its type cannot take."""
    candidates = [k for k in info.params if accepted_kinds(info, k) != ALL_KINDS]
    name = draw(st.sampled_from(candidates))
    arguments = valid_arguments(info)
    arguments[name] = draw(ill_typed(accepted_kinds(info, name)))
    return name, arguments


@pytest.mark.parametrize("name", ILL_TYPED)
@settings(FUZZ, max_examples=ILL_TYPED_EXAMPLES)
@given(data=st.data())
def test_ill_typed_arguments_are_refused_before_sending(name: str, env: Env, data: st.DataObject) -> None:
    """A keyword of the wrong JSON kind gives Err(InvalidRequestError) naming it, and nothing is sent."""
    info = operation(name)
    keyword, arguments = data.draw(one_ill_typed(info), label="arguments")
    result, sent = _call(info, env, arguments)
    assert isinstance(result, Err) and type(result.error) is InvalidRequestError, f"{keyword}: {result!r}"
    assert result.error.message.startswith(f"invalid argument {keyword}"), result.error.message
    assert sent == 0


@pytest.mark.parametrize("name", NAMES)
def test_valid_arguments_are_sent(name: str, env: Env) -> None:
    """The fuzzers' baseline: each operation's required keywords, built from its types, are sent once."""
    info = operation(name)
    result, sent = _call(info, env, valid_arguments(info))
    assert sent == 1, f"{name}: {result!r}"
    if isinstance(result, Ok):
        _finish(result.value)
