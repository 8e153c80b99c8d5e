"""Shared by the examples: a Session on the real API when MISTRAL_API_KEY is set, else on the local mock."""

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

from mistral_fn import Session

_mock: Any = None
"""The local MockServer while an example runs against it; None on the real API."""


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
        yield Session(api_key=os.environ.get("MISTRAL_API_KEY", "sk-local-test-key"), server_url=server_url)
        return
    with local_mock(name, "MISTRAL_API_KEY is not set") as mock:
        yield Session(api_key="sk-local-mock-key", server_url=mock.url)


@contextlib.contextmanager
def local_mock(name: str, why: str) -> Iterator[Any]:
    """Run the local mock server for the example, saying so (and why) on stderr."""
    global _mock
    from mistral_fn.testing import MOCK_NOTICE, MockServer

    with MockServer() as mock:
        print(f"[{name}] {why}: using the {MOCK_NOTICE} at {mock.url}", file=sys.stderr)
        _mock = mock
        try:
            yield mock
        finally:
            _mock = None


def on_mock() -> bool:
    """True while the example runs against the local mock server."""
    return _mock is not None


def script_reply(
    operation: str, body: dict[str, Any] | None = None, status: int = 200, headers: dict[str, str] | None = None
) -> None:
    """On the local mock only: answer the next call of `operation` this way (a no-op on the real API).

    The mock runs no model: its completions are always the same sentence. Examples that depend on
    what a model decides (calling a tool, answering in JSON), or on a failure (a 503), script it here.
    """
    if _mock is not None:
        _mock.queue(operation, status=status, body=body, headers=headers)


def script_completion(
    operation: str,
    *,
    content: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = None,
) -> None:
    """On the local mock only: what the next completion of `operation` says, whole or streamed (a no-op on the API).

    A tool call is `{"name": ..., "arguments": dict}`; the mock adds the id and the rest.
    """
    if _mock is not None:
        _mock.queue(operation, content=content, tool_calls=tool_calls, finish_reason=finish_reason)


def chat_reply(message: dict[str, Any], finish_reason: str = "stop") -> dict[str, Any]:
    """A chat completion response body holding `message`, for `script_reply`."""
    return {
        "id": "scripted",
        "object": "chat.completion",
        "model": "mistral-small-latest",
        "created": 0,
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "choices": [{"index": 0, "message": {"role": "assistant", **message}, "finish_reason": finish_reason}],
    }


def failed(step: str, error: BaseException) -> int:
    """Say on stderr which step failed and how; the exit status to return (1)."""
    print(f"{step} failed: {type(error).__name__}: {error}", file=sys.stderr)
    return 1


@contextlib.contextmanager
def vertex_stand_in(mock_url: str) -> Iterator[str]:
    """A loopback in front of the mock that answers Vertex AI's paths, since the mock serves only `/v1/...`.

    It accepts `POST /v1/projects/P/locations/R/publishers/mistralai/models/NAME@VERSION:rawPredict` (or
    `:streamRawPredict`), checks that the body names the model NAME, and relays the request to the mock's
    chat or fim endpoint (fim when the body has a `prompt`). Yields the stand-in's base URL.
    """
    import http.server
    import json
    import re
    import threading

    import requests

    vertex_path = re.compile(
        r"/v1/projects/[^/]+/locations/[^/]+/publishers/mistralai/models/([^/@]+)@\w+:(?:rawPredict|streamRawPredict)"
    )

    class Relay(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            match = vertex_path.fullmatch(self.path)
            payload = json.loads(body or b"{}")
            if match is None or payload.get("model") != match[1]:
                self.send_error(404, f"not a Vertex AI rawPredict path for the body's model: {self.path}")
                return
            target = "/v1/fim/completions" if "prompt" in payload else "/v1/chat/completions"
            headers = {
                k: v for k, v in self.headers.items() if k.lower() in ("authorization", "accept", "content-type")
            }
            with requests.post(mock_url + target, data=body, headers=headers, stream=True, timeout=30) as answer:
                data = answer.raw.read()
                self.send_response(answer.status_code)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Relay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
