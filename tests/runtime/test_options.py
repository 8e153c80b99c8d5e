"""Options are checked before anything is sent: a bad per-call option is `Err(InvalidRequestError)`
naming it and what it accepts; a bad setting raises where the Session, RetryConfig or
BackoffStrategy is made. `Session()` takes its server from MISTRAL_SERVER_URL."""

import re
import threading
from typing import Any

import pytest

from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session, models_list
from mistral_fn.errors import InvalidRequestError
from tests.loopback import Loopback

NAN = float("nan")
BLANK = re.compile(r"(expected|got)\s*[,:]|expected\s*$|got\s*$")  # `expected , got tuple` was seen

BAD_CALL_OPTIONS = [
    ("timeout_ms", 0),
    ("timeout_ms", -1),
    ("timeout_ms", NAN),
    ("timeout_ms", float("inf")),
    ("timeout_ms", 10**13),
    ("timeout_ms", "100"),
    ("timeout_ms", True),
    ("deadline_ms", NAN),
    ("deadline_ms", "5000"),
    ("cancel", True),
    ("cancel", "stop"),
    ("retries", "backoff"),
    ("retries", {"strategy": "none"}),
    ("http_headers", {"X-Trace": "a\r\nInjected: yes"}),
    ("http_headers", {"X-Trace": "a\nb"}),
    ("http_headers", [("X-Trace", "a")]),
    ("server_url", "not a url"),
    ("server_url", "ftp://example.com"),
    ("server_url", "http://"),
    ("server_url", 8080),
]


@pytest.mark.parametrize(("name", "value"), BAD_CALL_OPTIONS, ids=[f"{n}={v!r}" for n, v in BAD_CALL_OPTIONS])
def test_a_bad_per_call_option_is_refused_and_nothing_is_sent(server: Loopback, name: str, value: Any) -> None:
    session = Session(api_key="k", server_url=server.url)
    match models_list(session, **{name: value}):
        case Err(InvalidRequestError(message=message)):
            assert message.startswith(f"invalid option {name}: "), message
            # what it accepts; for a header, which one and why (never its value)
            assert "expected " in message or "'X-Trace'" in message, message
            assert not BLANK.search(message), message
        case other:
            raise AssertionError(other)
    assert server.requests == []


@pytest.mark.parametrize(
    ("name", "value"), [("timeout_ms", 1_500), ("timeout_ms", 2.5e3), ("deadline_ms", 0), ("deadline_ms", -300)]
)
def test_good_per_call_options_pass(server: Loopback, name: str, value: Any) -> None:
    """A deadline already spent (Lambda's remaining time less a margin) is a timeout, not a bad option."""
    server.reply(200, {"object": "list", "data": []})
    result = models_list(Session(api_key="k", server_url=server.url), **{name: value})
    assert not isinstance(result, Err) or not isinstance(result.error, InvalidRequestError), result


def test_a_cancel_event_and_headers_still_work(server: Loopback) -> None:
    server.reply(200, {"object": "list", "data": []})
    result = models_list(
        Session(api_key="k", server_url=server.url), cancel=threading.Event(), http_headers={"X-Trace": "t"}
    )
    assert isinstance(result, Ok), result
    assert server.requests[0].header("X-Trace") == "t"


BAD_SETTINGS = [
    (lambda: Session(api_key=123), TypeError, "api_key"),  # type: ignore[arg-type]
    (lambda: Session(server_url="localhost:8080"), ValueError, "server_url"),
    (lambda: Session(server_url=8080), TypeError, "server_url"),  # type: ignore[arg-type]
    (lambda: Session(server=1), TypeError, "server"),  # type: ignore[arg-type]
    (lambda: Session(timeout_ms=0), ValueError, "timeout_ms"),
    (lambda: Session(timeout_ms=NAN), ValueError, "timeout_ms"),
    (lambda: Session(timeout_ms="100"), TypeError, "timeout_ms"),  # type: ignore[arg-type]
    (lambda: Session(timeout_ms=10**13), ValueError, "timeout_ms"),
    (lambda: Session(retry_config="backoff"), TypeError, "retry_config"),  # type: ignore[arg-type]
    (lambda: Session(hooks=[]), TypeError, "hooks"),  # type: ignore[arg-type]
    (lambda: Session(time_left=5000), TypeError, "time_left"),  # type: ignore[arg-type]
    (lambda: Session(max_response_bytes=0), ValueError, "max_response_bytes"),
    (lambda: RetryConfig(strategy="exponential"), ValueError, "strategy"),  # type: ignore[arg-type]
    (lambda: RetryConfig(backoff=(1, 2, 3, 4)), TypeError, "backoff"),  # type: ignore[arg-type]
    (lambda: RetryConfig(retry_connection_errors="yes"), TypeError, "retry_connection_errors"),  # type: ignore[arg-type]
    (lambda: BackoffStrategy(initial_interval=-1), ValueError, "initial_interval"),
    (lambda: BackoffStrategy(max_interval=NAN), ValueError, "max_interval"),
    (lambda: BackoffStrategy(max_elapsed_time="1h"), TypeError, "max_elapsed_time"),  # type: ignore[arg-type]
    (lambda: BackoffStrategy(exponent=0.5), ValueError, "exponent"),
]


@pytest.mark.parametrize(("make", "error", "name"), BAD_SETTINGS, ids=[f"{e.__name__}-{n}" for _, e, n in BAD_SETTINGS])
def test_a_bad_setting_raises_at_construction(make: Any, error: type[Exception], name: str) -> None:
    with pytest.raises(error) as raised:
        make()
    message = str(raised.value)
    assert f"({name}=...)" in message and "expected " in message, message
    assert not BLANK.search(message), message


def test_session_reads_mistral_server_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISTRAL_SERVER_URL", "http://127.0.0.1:9/")
    assert Session().server_url == "http://127.0.0.1:9"
    assert Session(server="eu").server_url == "https://api.mistral.ai"  # an explicit choice wins
    assert Session(server_url="http://other:1").server_url == "http://other:1"
    monkeypatch.setenv("MISTRAL_SERVER_URL", "")
    assert Session().server_url == "https://api.mistral.ai"
    monkeypatch.setenv("MISTRAL_SERVER_URL", "127.0.0.1:8080")
    with pytest.raises(ValueError, match="MISTRAL_SERVER_URL"):
        Session()
