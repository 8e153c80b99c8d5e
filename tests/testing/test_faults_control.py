"""Fault injection through mock.fault and through the control API of a mock in another process."""

import json
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
import requests

import mistral_fn
from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session
from mistral_fn.errors import ConnectionError, MistralError, RequestTimeoutError, ResponseValidationError
from mistral_fn.testing import MockServer
from tests.testing.scenario import CHAT

FAST_RETRY = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=5, max_elapsed_time=20_000))


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def session(mock: MockServer) -> Session:
    mock.reset()
    return Session(api_key="test", server_url=mock.url, timeout_ms=10_000)


def _status(result: object) -> int:
    assert isinstance(result, Err) and isinstance(result.error, MistralError), result
    return result.error.status_code


def test_status_faults_for_the_next_n_calls(session: Session, mock: MockServer) -> None:
    """429 with Retry-After twice, then the normal answer; the error body is the API's shape."""
    mock.fault("chat_complete", status=429, retry_after=0, times=2)
    first = mistral_fn.chat_complete(session, **CHAT)
    assert _status(first) == 429 and isinstance(first, Err)
    assert first.error.headers["Retry-After"] == "0"
    assert json.loads(first.error.body)["type"] == "rate_limited"
    retried = mistral_fn.chat_complete(session, **CHAT, retries=FAST_RETRY)
    assert isinstance(retried, Ok) and retried.meta is not None and retried.meta.attempts == 2
    assert mistral_fn.chat_complete(session, **CHAT).ok


def test_fault_for_every_call_of_every_operation(session: Session, mock: MockServer) -> None:
    """operation "*" and times=None: every call fails until reset; 500 and 503 alike."""
    mock.fault("*", status=503, times=None)
    assert [_status(mistral_fn.models_list(session)) for _ in range(3)] == [503] * 3
    assert _status(mistral_fn.chat_complete(session, **CHAT)) == 503
    mock.reset()
    mock.fault("models_list", status=500)
    assert _status(mistral_fn.models_list(session)) == 500
    assert mistral_fn.models_list(session).ok


def test_delay_before_headers_and_stall_mid_body(session: Session, mock: MockServer) -> None:
    """delay holds the headers back; stall pauses half-way through the body; both past timeout_ms fail."""
    mock.fault("models_list", delay=0.3)
    started = time.monotonic()
    assert mistral_fn.models_list(session).ok and time.monotonic() - started >= 0.3
    mock.fault("models_list", stall=0.3)
    started = time.monotonic()
    assert mistral_fn.models_list(session).ok and time.monotonic() - started >= 0.3
    mock.fault("models_list", stall=2.0)
    late = mistral_fn.models_list(session, timeout_ms=300)
    assert isinstance(late, Err) and isinstance(late.error, RequestTimeoutError)


def test_stream_cut_after_n_events_and_malformed_event(session: Session, mock: MockServer) -> None:
    """A stream cut after 2 events gives 2 events then ConnectionError; a malformed event is an error."""
    mock.fault("chat_stream", cut_after=2)
    stream = mistral_fn.chat_stream(session, **CHAT)
    assert isinstance(stream, Ok)
    results = list(stream.value.results())
    assert [r.ok for r in results] == [True, True, False]
    assert isinstance(results[-1], Err) and isinstance(results[-1].error, ConnectionError)
    mock.fault("chat_stream", malformed_at=1)
    stream = mistral_fn.chat_stream(session, **CHAT)
    assert isinstance(stream, Ok)
    results = list(stream.value.results())
    assert results[0].ok and isinstance(results[1], Err)
    assert isinstance(results[1].error, ResponseValidationError)


def test_stalled_stream_and_drop(session: Session, mock: MockServer) -> None:
    """A stream that stalls between events longer than timeout_ms fails; drop closes without answering."""
    mock.fault("chat_stream", stall=2.0)
    stream = mistral_fn.chat_stream(session, **CHAT, timeout_ms=400)
    outcome = list(stream.value.results()) if isinstance(stream, Ok) else [stream]
    assert isinstance(outcome[-1], Err) and isinstance(outcome[-1].error, RequestTimeoutError)
    mock.fault("embeddings_create", drop=True)
    dropped = mistral_fn.embeddings_create(session, model="mistral-embed", input="x")
    assert isinstance(dropped, Err) and isinstance(dropped.error, ConnectionError)


def test_fault_arguments_are_checked(mock: MockServer) -> None:
    with pytest.raises(ValueError, match="times"):
        mock.fault("chat_complete", status=500, times=0)
    with pytest.raises(ValueError, match="status"):
        mock.fault("chat_complete", status=42)


@pytest.fixture(scope="module")
def other_process() -> Iterator[str]:
    """`python -m mistral_fn.testing --port 0` in a process of its own; its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mistral_fn.testing", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[-1].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_control_api_scripts_a_mock_in_another_process(other_process: str) -> None:
    """queue, faults, requests and reset over HTTP, as a CI container or another terminal would."""
    url = other_process
    session = Session(api_key="k", server_url=url, timeout_ms=10_000)
    assert requests.post(f"{url}/__mock__/reset", timeout=10).json() == {"reset": True}
    fault = {"operation": "chat_complete", "status": 429, "retry_after": 3, "times": 1}
    assert requests.post(f"{url}/__mock__/faults", json=fault, timeout=10).status_code == 200
    scripted = {"operation": "chat_complete", "content": "Bonjour"}
    assert requests.post(f"{url}/__mock__/queue", json=scripted, timeout=10).status_code == 200
    assert list(requests.get(f"{url}/__mock__/queue", timeout=10).json()) == ["chat_complete"]
    limited = mistral_fn.chat_complete(session, **CHAT)
    assert _status(limited) == 429 and isinstance(limited, Err) and limited.error.headers["Retry-After"] == "3"
    said = mistral_fn.chat_complete(session, **CHAT)
    assert isinstance(said, Ok) and said.value.choices[0].message.content == "Bonjour"
    recorded = requests.get(f"{url}/__mock__/requests", params={"operation": "chat_complete"}, timeout=10).json()
    assert len(recorded) == 2 and recorded[0]["json"]["messages"] == CHAT["messages"]
    assert all("Authorization" not in r["headers"] for r in recorded)
    requests.post(f"{url}/__mock__/reset", timeout=10)
    assert requests.get(f"{url}/__mock__/requests", timeout=10).json() == []


def test_control_api_refuses_what_it_does_not_know(other_process: str) -> None:
    url = other_process
    typo = requests.post(f"{url}/__mock__/queue", json={"operation": "chat_compleet"}, timeout=10)
    assert typo.status_code == 400 and "chat_complete" in typo.json()["error"]
    unknown = requests.post(f"{url}/__mock__/faults", json={"operation": "*", "explode": True}, timeout=10)
    assert unknown.status_code == 400 and "explode" in unknown.json()["error"]
    assert requests.get(f"{url}/__mock__/nothing", timeout=10).status_code == 404


def test_control_api_advances_jobs() -> None:
    with MockServer(auto_advance_jobs=False) as mock:
        session = Session(api_key="k", server_url=mock.url)
        job = mistral_fn.batch_jobs_create(session, endpoint="/v1/embeddings", requests=[{"body": {"input": "x"}}])
        assert isinstance(job, Ok)
        requests.post(f"{mock.url}/__mock__/jobs/advance", json={"steps": 2}, timeout=10)
        done = mistral_fn.batch_jobs_get(session, job_id=job.value.id)
        assert isinstance(done, Ok) and done.value.status == "SUCCESS"


def test_command_line_help_documents_the_control_api() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "mistral_fn.testing", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for needle in ("/__mock__/queue", "/__mock__/faults", "/__mock__/requests", "/__mock__/reset", "retry_after"):
        assert needle in shown, needle
    record = subprocess.run(
        [sys.executable, "-m", "mistral_fn.testing", "record", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--out" in record and "Authorization" in record
