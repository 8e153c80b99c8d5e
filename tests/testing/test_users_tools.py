"""Users' own HTTP test tools work with mistral_fn: `responses` (mocks requests), vcrpy and pytest-recording.

These tests patch requests/urllib3 on purpose: they check that a user who already tests this way
can keep doing so with mistral_fn (the project's own tests use real loopback servers instead).

`responses` works as is (it patches HTTPAdapter.send, which mistral_fn's adapter inherits). vcrpy
patches urllib3's connection classes, and mistral_fn's own client uses connection subclasses of
its own (so the watchdog can cut an attempt's socket at timeout_ms): vcrpy sees them only when
the subclasses happen to be defined while a cassette is active. With vcrpy, give the Session a
plain client, `Session(..., http_client=requests.Session())` (timeouts are then requests' own, per
socket read, rather than a total): that is what these tests do, and what the README says.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import requests
import responses
import vcr

import mistral_fn
from mistral_fn import Err, Ok, Session
from mistral_fn.errors import MistralError
from mistral_fn.testing import MockServer
from tests.testing.scenario import CHAT

REPLY = {
    "id": "r1",
    "object": "chat.completion",
    "model": "mistral-small-latest",
    "created": 1,
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Mocked"}, "finish_reason": "stop"}],
}


@responses.activate
def test_responses_mocks_calls_streams_and_errors() -> None:
    """responses answers mistral_fn's requests (JSON, SSE, an error status); the request is inspectable."""
    session = Session(api_key="sk-user", timeout_ms=5_000)  # the real API's URL: nothing leaves the process
    responses.post("https://api.mistral.ai/v1/chat/completions", json=REPLY)
    result = mistral_fn.chat_complete(session, **CHAT)
    assert isinstance(result, Ok) and result.value.choices[0].message.content == "Mocked"
    assert responses.calls[0].request.headers["Authorization"] == "Bearer sk-user"
    chunk = {**REPLY, "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": "Hi"}}]}
    sse = f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n"
    responses.replace(
        responses.POST, "https://api.mistral.ai/v1/chat/completions", body=sse, content_type="text/event-stream"
    )
    stream = mistral_fn.chat_stream(session, **CHAT)
    assert isinstance(stream, Ok) and stream.value.text() == Ok("Hi")
    responses.get("https://api.mistral.ai/v1/models", status=503, json={"message": "down"})
    failed = mistral_fn.models_list(session)
    assert isinstance(failed, Err) and isinstance(failed.error, MistralError) and failed.error.status_code == 503


def test_vcrpy_records_then_replays_without_the_server(tmp_path: Path) -> None:
    """vcrpy records mistral_fn's calls (the key filtered out) and replays them with the server gone."""
    recorder = vcr.VCR(cassette_library_dir=str(tmp_path), filter_headers=["authorization"], record_mode="once")
    with MockServer() as server:
        session = Session(api_key="sk-secret-vcr", server_url=server.url, http_client=requests.Session())
        with recorder.use_cassette("chat.yaml"):
            first = mistral_fn.chat_complete(session, **CHAT)
            streamed = mistral_fn.chat_stream(session, **CHAT)
            assert isinstance(streamed, Ok)
            text = streamed.value.text()
    assert isinstance(first, Ok) and text == Ok(first.value.choices[0].message.content)
    cassette = (tmp_path / "chat.yaml").read_text()
    assert "sk-secret-vcr" not in cassette and "text/event-stream" in cassette
    # The server is stopped: only the cassette can answer. A new client, as a new test would make.
    session = Session(api_key="sk-secret-vcr", server_url=server.url, http_client=requests.Session())
    with recorder.use_cassette("chat.yaml"):
        again = mistral_fn.chat_complete(session, **CHAT)
        restreamed = mistral_fn.chat_stream(session, **CHAT)
        assert isinstance(restreamed, Ok)
        assert restreamed.value.text() == text
    assert isinstance(again, Ok) and again.value == first.value


def test_pytest_recording_marker(tmp_path: Path) -> None:
    """pytest-recording's @pytest.mark.vcr: a first run records against a mock, a second replays without it."""
    test_file = tmp_path / "test_user.py"
    test_file.write_text(
        textwrap.dedent(
            """
            import os
            import pytest
            import requests
            import mistral_fn

            @pytest.fixture(scope="module")
            def vcr_config():
                return {"filter_headers": ["authorization"]}

            @pytest.mark.vcr
            def test_embed():
                url = os.environ["MOCK_URL"]
                session = mistral_fn.Session(api_key="sk-rec", server_url=url, http_client=requests.Session())
                result = mistral_fn.embeddings_create(session, model="mistral-embed", input=["a", "b"])
                assert len(result.unwrap().data) == 2
            """
        )
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", str(test_file)]
    with MockServer() as server:
        env = {"MOCK_URL": server.url, "PATH": "/usr/bin:/bin"}
        first = subprocess.run([*command, "--record-mode=once"], capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stdout + first.stderr
    cassettes = list((tmp_path / "cassettes").rglob("*.yaml"))
    assert len(cassettes) == 1 and "sk-rec" not in cassettes[0].read_text()
    replayed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)  # server stopped
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr


def test_responses_passthrough_to_mock_server() -> None:
    """responses with a passthrough lets the calls it does not mock reach a MockServer on loopback."""
    with MockServer() as server, responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.add_passthru(server.url)
        mocked.get(f"{server.url}/v1/models/mocked", json={"id": "mocked", "capabilities": {}, "type": "base"})
        session = Session(api_key="k", server_url=server.url, timeout_ms=10_000)
        listed = mistral_fn.models_list(session)
        mocked_model = mistral_fn.models_retrieve(session, model_id="mocked")
        assert isinstance(listed, Ok) and [r.operation for r in server.requests] == ["models_list"]
        assert isinstance(mocked_model, Ok) and mocked_model.value.id == "mocked"
