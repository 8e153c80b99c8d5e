from collections.abc import Iterator

import pytest

from tests.loopback import Loopback


@pytest.fixture
def server() -> Iterator[Loopback]:
    """The scripted model: a loopback server the test queues replies on."""
    with Loopback() as s:
        yield s
