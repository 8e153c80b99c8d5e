"""MockServer: every operation answered with valid models, state kept, requests checked, faults played."""

import importlib
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import get_args

import pytest
import requests

import mistral_fn
from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session
from mistral_fn._runtime import convert
from mistral_fn._runtime.invoke import Operation
from mistral_fn._runtime.streams import BinaryResponse, EventStream
from mistral_fn.errors import ConnectionError, MistralError
from mistral_fn.funcs import OPERATIONS
from mistral_fn.testing import MOCK_NOTICE, MockServer
from tests.testing.scenario import arguments

CHAT = {"model": "mistral-small-latest", "messages": [{"role": "user", "content": "Hello"}]}


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def session(mock: MockServer) -> Session:
    mock.reset()
    return Session(api_key="test", server_url=mock.url, timeout_ms=10_000)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_gets_a_valid_answer(session: Session, mock: MockServer, name: str) -> None:
    """Each of the 74 operations, called with its required arguments, gives Ok with its declared model."""
    function = getattr(mistral_fn, name)
    op: Operation = importlib.import_module(f"mistral_fn.funcs.{name}").OPERATION
    result = function(session, **arguments(session, name))
    assert isinstance(result, Ok), f"{name}: {result!r}"
    assert mock.requests_for(name), f"{name} was not routed to itself"
    value = result.value
    if op.events is not None:
        assert isinstance(value, EventStream)
        with value:
            events = list(value.results())
        assert events and all(isinstance(e, Ok) for e in events), f"{name}: {events[-1]!r}"
        assert all(isinstance(e.value, op.events) for e in events if isinstance(e, Ok)), name
        return
    model = next(iter(op.ok.values()))
    if model is BinaryResponse:
        assert isinstance(value, BinaryResponse) and value.read()
    elif model is None:
        assert value is None
    elif isinstance(model, type) and not get_args(model):  # list[X] is a `type` on Python 3.10
        assert isinstance(value, model), f"{name}: {value!r} is not a {model.__name__}"
    else:  # a list or union of models: the value reads back as the same value through the declared type
        assert convert.read(convert.to_json(value), model) == value, f"{name}: {value!r}"


def test_uploaded_file_can_be_listed_retrieved_and_downloaded(session: Session) -> None:
    """State: an uploaded file shows up in the list, by id, and downloads with its bytes."""
    uploaded = mistral_fn.files_upload(session, file=("train.jsonl", b'{"a": 1}\n'), purpose="fine-tune")
    assert isinstance(uploaded, Ok)
    file_id = uploaded.value.id
    assert (uploaded.value.filename, uploaded.value.bytes) == ("train.jsonl", 9)
    listed = mistral_fn.files_list(session)
    assert isinstance(listed, Ok) and file_id in [f.id for f in listed.value.data]
    retrieved = mistral_fn.files_retrieve(session, file_id=file_id)
    assert isinstance(retrieved, Ok) and retrieved.value.id == file_id
    assert retrieved.value.filename == "train.jsonl"
    downloaded = mistral_fn.files_download(session, file_id=file_id)
    assert isinstance(downloaded, Ok) and downloaded.value.read() == b'{"a": 1}\n'


def test_created_agent_can_be_fetched(session: Session) -> None:
    """State: an agent made with beta_agents_create is returned by beta_agents_get with its name."""
    created = mistral_fn.beta_agents_create(session, model="mistral-medium-latest", name="helper", instructions="Hi")
    assert isinstance(created, Ok)
    fetched = mistral_fn.beta_agents_get(session, agent_id=created.value.id)
    assert isinstance(fetched, Ok) and (fetched.value.id, fetched.value.name) == (created.value.id, "helper")


def test_request_that_does_not_fit_gets_422_in_the_api_shape(mock: MockServer) -> None:
    """A request the models reject is answered 422 with a `detail` list, as the API does."""
    response = requests.post(
        f"{mock.url}/v1/chat/completions",
        json={"model": "m", "messages": [{"role": "bot", "content": "x"}]},
        headers={"Authorization": "Bearer test"},
        timeout=10,
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"][:3] == ["body", "messages", 0] and "role" in detail[0]["msg"]


def test_queued_error_with_retry_after_then_success(session: Session, mock: MockServer) -> None:
    """Queued answers play once each, in order: a 429 with Retry-After, then the normal answer."""
    mock.queue("chat_complete", status=429, headers={"Retry-After": "0"})
    retry = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=5))
    result = mistral_fn.chat_complete(session, **CHAT, retries=retry)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 2
    assert len(mock.requests_for("chat_complete")) == 2


def test_queued_error_status_and_body(session: Session, mock: MockServer) -> None:
    """Any status can be queued, with a body of the test's choosing."""
    mock.queue("models_list", status=503, body={"message": "maintenance"})
    result = mistral_fn.models_list(session)
    assert isinstance(result, Err) and isinstance(result.error, MistralError)
    assert (result.error.status_code, "maintenance" in result.error.message) == (503, True)


def test_faults_drop_delay_and_cut_stream(session: Session, mock: MockServer) -> None:
    """Dropped connections, delays and streams cut half-way are played per operation."""
    mock.queue("chat_complete", fault="drop")
    dropped = mistral_fn.chat_complete(session, **CHAT)
    assert isinstance(dropped, Err) and isinstance(dropped.error, ConnectionError)
    mock.queue("chat_complete", delay=0.3)
    started = time.monotonic()
    assert mistral_fn.chat_complete(session, **CHAT).ok and time.monotonic() - started >= 0.3
    mock.queue("chat_stream", fault="cut_stream")
    stream = mistral_fn.chat_stream(session, **CHAT)
    assert isinstance(stream, Ok)
    results = list(stream.value.results())
    assert isinstance(results[-1], Err) and all(isinstance(r, Ok) for r in results[:-1])


def test_requests_are_recorded(session: Session, mock: MockServer) -> None:
    """A test can read back what the mock received."""
    mistral_fn.embeddings_create(session, model="mistral-embed", input=["a", "b"])
    (request,) = mock.requests_for("embeddings_create")
    assert request.json == {"model": "mistral-embed", "input": ["a", "b"]}
    assert request.headers["Authorization"] == "Bearer test"


def test_chat_stream_ends_with_done_and_collects(session: Session) -> None:
    """The chat stream is a real SSE stream ending at [DONE]; collect() rebuilds the reply."""
    result = mistral_fn.chat_stream(session, **CHAT)
    assert isinstance(result, Ok)
    assert result.value.text() == Ok("This is a reply from the mistral_fn local mock server.")


def test_command_line_says_it_is_a_mock() -> None:
    """`python -m mistral_fn.testing --port N` serves and says it is a local mock."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mistral_fn.testing", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert MOCK_NOTICE in line
        url = line.rsplit(" ", 1)[-1].strip()
        result = mistral_fn.models_list(Session(api_key="k", server_url=url))
        assert isinstance(result, Ok)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_mock_is_thread_safe_under_concurrent_calls(session: Session) -> None:
    """Many threads calling at once all get answers."""
    results: list[bool] = []

    def call() -> None:
        results.append(mistral_fn.chat_complete(session, **CHAT).ok)

    threads = [threading.Thread(target=call) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 16
