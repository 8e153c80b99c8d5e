from collections.abc import Iterator

import pytest

from mistral_fn import Session
from tests.loopback import Loopback

API_KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


@pytest.fixture
def session(server: Loopback) -> Session:
    return Session(api_key=API_KEY, server_url=server.url, timeout_ms=10_000)
