"""The pytest plugin (entry point `pytest11`): fixtures for testing code that calls the Mistral API.

    def test_summary(mistral_session, mistral_mock):
        mistral_mock.queue("chat_complete", content="A short summary.")
        assert summarize(mistral_session, "long text") == "A short summary."
        assert mistral_mock.requests_for("chat_complete")[0].json["model"] == "mistral-small-latest"

- `mistral_mock`: a running `MockServer`, one per test session, reset before each test (no
  requests, queued answers, faults or resources left from another test).
- `mistral_session`: a `Session` bound to it (any API key works).
- `mistral_requests`: the requests the test made so far, as `MockRequest`s (operation, method,
  path, query, headers, body, json, form).

Off until used: loading the plugin imports nothing but pytest; the mock starts with the first test
that asks for one of these fixtures.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mistral_fn import Session

    from .server import MockRequest, MockServer


@pytest.fixture(scope="session")
def _mistral_mock_server() -> "Iterator[MockServer]":
    from .server import MockServer

    with MockServer() as server:
        yield server


@pytest.fixture
def mistral_mock(_mistral_mock_server: "MockServer") -> "MockServer":
    """A running MockServer, reset for this test."""
    _mistral_mock_server.reset()
    return _mistral_mock_server


@pytest.fixture
def mistral_session(mistral_mock: "MockServer") -> "Session":
    """A Session on `mistral_mock`."""
    from mistral_fn import Session

    return Session(api_key="mistral-mock-key", server_url=mistral_mock.url, timeout_ms=30_000)


@pytest.fixture
def mistral_requests(mistral_mock: "MockServer") -> "list[MockRequest]":
    """The requests this test made to `mistral_mock` (a live list: read it after the calls)."""
    return mistral_mock.requests
