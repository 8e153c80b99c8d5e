from collections.abc import Iterator

import pytest

from mistral_fn import Session
from tests.loopback import Loopback
from tests.reliability.support import API_KEY, CHAT_REPLY


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback(default=CHAT_REPLY) as s:
        yield s


@pytest.fixture
def session(server: Loopback) -> Iterator[Session]:
    with Session(api_key=API_KEY, server_url=server.url, timeout_ms=5_000) as s:
        yield s
