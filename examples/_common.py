"""Shared by the examples: a Session on the real API when MISTRAL_API_KEY is set, else on the local mock."""

import contextlib
import os
import sys
from collections.abc import Iterator

from mistral_fn import Session


@contextlib.contextmanager
def session_for_example(name: str) -> Iterator[Session]:
    """Yield a Session: the real API with MISTRAL_API_KEY, otherwise the local mock server (and say so)."""
    server_url = os.environ.get("MISTRAL_SERVER_URL")
    if os.environ.get("MISTRAL_API_KEY") and not server_url:
        print(f"[{name}] using the real Mistral API (MISTRAL_API_KEY is set)", file=sys.stderr)
        yield Session()
        return
    if server_url:
        print(f"[{name}] using {server_url}", file=sys.stderr)
        yield Session(api_key=os.environ.get("MISTRAL_API_KEY", "test"), server_url=server_url)
        return
    from mistral_fn.testing import MOCK_NOTICE, MockServer

    with MockServer() as mock:
        print(f"[{name}] MISTRAL_API_KEY is not set: using the {MOCK_NOTICE} at {mock.url}", file=sys.stderr)
        yield Session(api_key="mock-key", server_url=mock.url)
