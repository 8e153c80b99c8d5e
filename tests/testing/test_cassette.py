"""Cassettes: record through a proxying mock in front of a loopback "upstream", then replay without it."""

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import mistral_fn
from mistral_fn import Err, Ok, Session
from mistral_fn.errors import MistralError
from mistral_fn.testing import MockServer
from tests.testing.scenario import CHAT

KEY = "sk-live-0123456789abcdefSECRET"


@pytest.fixture
def upstream() -> Iterator[MockServer]:
    """Stands in for the real API: a mock whose answers the cassette must reproduce."""
    with MockServer() as server:
        yield server


def _record(upstream: MockServer, cassette: Path) -> dict[str, object]:
    """Make a few calls through the recording proxy; what they answered."""
    with MockServer(upstream=upstream.url, record=cassette) as proxy:
        session = Session(api_key=KEY, server_url=proxy.url, timeout_ms=10_000)
        chat = mistral_fn.chat_complete(session, **CHAT)
        stream = mistral_fn.chat_stream(session, **CHAT)
        assert isinstance(stream, Ok)
        streamed = stream.value.text()
        uploaded = mistral_fn.files_upload(session, file=("a.jsonl", b'{"x": 1}\n'), purpose="batch")
        listed = mistral_fn.files_list(session, page=0, page_size=5)
    assert isinstance(chat, Ok) and isinstance(uploaded, Ok) and isinstance(listed, Ok)
    return {"chat": chat.value, "streamed": streamed, "uploaded": uploaded.value, "listed": listed.value}


def test_recorded_cassette_holds_no_key_and_every_stream_event(upstream: MockServer, tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    _record(upstream, cassette)
    text = cassette.read_text()
    assert KEY not in text and "Authorization" not in text and "authorization" not in text
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["request"]["path"] for r in records] == ["/v1/chat/completions"] * 2 + ["/v1/files"] * 2
    events = records[1]["response"]["events"]
    assert len(events) >= 3 and events[-1]["frame"] == "data: [DONE]\n\n"
    assert all(isinstance(e["t"], float) for e in events) and events == sorted(events, key=lambda e: e["t"])
    assert upstream.requests[0].headers["Authorization"] == f"Bearer {KEY}"  # the proxy passed it on


def test_replay_answers_as_recorded_without_the_upstream(upstream: MockServer, tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    recorded = _record(upstream, cassette)
    upstream.stop()
    with MockServer(replay=cassette) as replay:
        session = Session(api_key="any-key", server_url=replay.url, timeout_ms=10_000)
        chat = mistral_fn.chat_complete(session, **CHAT)
        stream = mistral_fn.chat_stream(session, **CHAT)
        uploaded = mistral_fn.files_upload(session, file=("a.jsonl", b'{"x": 1}\n'), purpose="batch")
        listed = mistral_fn.files_list(session, page_size=5, page=0)  # query order does not matter
        assert isinstance(chat, Ok) and chat.value == recorded["chat"]
        assert isinstance(stream, Ok) and stream.value.text() == recorded["streamed"]
        assert isinstance(uploaded, Ok) and uploaded.value == recorded["uploaded"]
        assert isinstance(listed, Ok) and listed.value == recorded["listed"]


def test_replay_names_the_request_it_has_no_recording_for(upstream: MockServer, tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    _record(upstream, cassette)
    with MockServer(replay=cassette) as replay:
        session = Session(api_key="k", server_url=replay.url, timeout_ms=10_000)
        other = {**CHAT, "messages": [{"role": "user", "content": "Something never recorded"}]}
        missing = mistral_fn.chat_complete(session, **other)
        assert isinstance(missing, Err) and isinstance(missing.error, MistralError)
        assert missing.error.status_code == 404
        message = json.loads(missing.error.body)["message"]
        assert "no recording of POST /v1/chat/completions" in message and "Something never recorded" in message
        assert str(cassette) in message
        assert replay.player is not None and len(replay.player.misses) == 1


def test_record_command_runs_a_program_through_the_proxy(upstream: MockServer, tmp_path: Path) -> None:
    """`python -m mistral_fn.testing record --out ... -- python script.py` writes the script's calls."""
    script = tmp_path / "script.py"
    script.write_text(
        textwrap.dedent(
            """
            import os
            import mistral_fn
            session = mistral_fn.Session(server_url=os.environ["MISTRAL_SERVER_URL"])
            result = mistral_fn.embeddings_create(session, model="mistral-embed", input=["a", "b"])
            print(len(result.unwrap().data))
            """
        )
    )
    cassette = tmp_path / "out.jsonl"
    env = {"MISTRAL_API_KEY": KEY, "PATH": "/usr/bin:/bin"}
    record = ["record", "--out", str(cassette), "--upstream", upstream.url]
    done = subprocess.run(
        [sys.executable, "-m", "mistral_fn.testing", *record, "--", sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2" and "recorded 1 exchange" in done.stderr
    (exchange,) = [json.loads(line) for line in cassette.read_text().splitlines()]
    assert exchange["request"]["body"] == {"model": "mistral-embed", "input": ["a", "b"]}
    assert len(exchange["response"]["body"]["data"]) == 2 and KEY not in cassette.read_text()
