"""The error classes as users spell them: builtin names match, a missing key has its own class."""

import builtins
import pickle
import socket
import time

import pytest

from mistral_fn import Err, Session, models_list
from mistral_fn.errors import (
    ConnectionError,
    HTTPClientError,
    InvalidRequestError,
    MissingCredentialsError,
    RequestTimeoutError,
)
from tests.loopback import Loopback


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_refused_connection_matches_the_builtin_connection_error() -> None:
    """`case Err(ConnectionError())` written without importing ours still matches."""
    result = models_list(Session(api_key="k", server_url=f"http://127.0.0.1:{_closed_port()}"))
    match result:
        case Err(builtins.ConnectionError() as error):
            assert isinstance(error, ConnectionError) and isinstance(error, HTTPClientError)
        case other:
            raise AssertionError(other)


def test_a_timeout_matches_the_builtin_timeout_error(server: Loopback) -> None:
    server.reply_fn(lambda _request, _conn: time.sleep(1.0))  # no answer within the 100 ms timeout
    match models_list(Session(api_key="k", server_url=server.url), timeout_ms=100):
        case Err(builtins.TimeoutError() as error):
            assert isinstance(error, RequestTimeoutError) and isinstance(error, HTTPClientError)
        case other:
            raise AssertionError(other)


def test_the_builtin_bases_keep_message_repr_and_pickle() -> None:
    for cls in (ConnectionError, RequestTimeoutError):
        error = cls("went wrong", cause=None)
        assert str(error) == "went wrong" and repr(error) == f"{cls.__name__}('went wrong')"
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is cls and back.message == "went wrong"


def test_no_api_key_is_missing_credentials_and_sends_nothing(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MISTRAL_API_KEY", raising=False)
    result = models_list(Session(server_url=server.url))
    match result:
        case Err(MissingCredentialsError(message=message)):
            assert "MISTRAL_API_KEY" in message
            assert isinstance(result.error, InvalidRequestError)  # still the class it always was
        case other:
            raise AssertionError(other)
    assert server.requests == []
