"""The pipeline (invoke.py) before anything is sent: where the API key comes from, and refusing to send without one."""

import pytest

from mistral_fn import Err, Session
from mistral_fn._runtime.invoke import invoke
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY


def test_missing_api_key_is_refused(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a key (argument or MISTRAL_API_KEY) nothing is sent and the error says what to set."""
    monkeypatch.delenv("MISTRAL_API_KEY", raising=False)
    result = invoke(Session(server_url=server.url), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and "MISTRAL_API_KEY" in result.error.message
    assert server.requests == []


def test_api_key_from_callable_and_environment(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    """A callable key is asked on every call; with none given, MISTRAL_API_KEY is read at call time."""
    keys = iter(["k1", "k2"])
    session = Session(api_key=lambda: next(keys), server_url=server.url)
    invoke(session, CHAT, body=CHAT_BODY)
    invoke(session, CHAT, body=CHAT_BODY)
    monkeypatch.setenv("MISTRAL_API_KEY", "k-env")
    invoke(Session(server_url=server.url), CHAT, body=CHAT_BODY)
    assert [r.header("Authorization") for r in server.requests] == ["Bearer k1", "Bearer k2", "Bearer k-env"]
