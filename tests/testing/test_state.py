"""MockServer keeps state: what is made exists until deleted, unknown ids are 404s, lists page, jobs run."""

import json
from collections.abc import Iterator

import pytest

import mistral_fn
from mistral_fn import Err, Ok, Session
from mistral_fn.errors import MistralError
from mistral_fn.testing import MockServer
from tests.testing.scenario import CHAT


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def session(mock: MockServer) -> Session:
    mock.reset()
    return Session(api_key="test", server_url=mock.url, timeout_ms=10_000)


def _ok(result: object) -> object:
    assert isinstance(result, Ok), result
    return result.value


def _status(result: object) -> int:
    assert isinstance(result, Err) and isinstance(result.error, MistralError), result
    return result.error.status_code


def test_unknown_ids_are_404_with_the_api_error_body(session: Session) -> None:
    """Every kind of resource: an id the mock never made is a 404 whose body names it."""
    unknown = "00000000-0000-4000-8000-000000000000"
    calls = [
        mistral_fn.files_retrieve(session, file_id=unknown),
        mistral_fn.files_download(session, file_id=unknown),
        mistral_fn.batch_jobs_get(session, job_id=unknown),
        mistral_fn.fine_tuning_jobs_get(session, job_id=unknown),
        mistral_fn.beta_agents_get(session, agent_id=unknown),
        mistral_fn.beta_conversations_get(session, conversation_id=unknown),
        mistral_fn.beta_libraries_get(session, library_id=unknown),
        mistral_fn.models_retrieve(session, model_id="no-such-model"),
    ]
    for result in calls:
        assert _status(result) == 404
        assert isinstance(result, Err) and isinstance(result.error, MistralError)
        body = json.loads(result.error.body)
        assert body["object"] == "error" and body["type"] == "invalid_request_error"
        assert unknown in body["message"] or "no-such-model" in body["message"]


def test_lists_show_what_exists_and_page_through_it(session: Session) -> None:
    """An empty list is empty (no phantom item); made files appear, page by page, with the total."""
    first = _ok(mistral_fn.files_list(session))
    assert first.data == [] and first.total == 0  # type: ignore[attr-defined]
    ids = [_ok(mistral_fn.files_upload(session, file=(f"f{i}.jsonl", b"{}\n"))).id for i in range(5)]  # type: ignore[attr-defined]
    page0 = _ok(mistral_fn.files_list(session, page=0, page_size=2))
    page2 = _ok(mistral_fn.files_list(session, page=2, page_size=2))
    assert [f.id for f in page0.data] == ids[:2] and page0.total == 5  # type: ignore[attr-defined]
    assert [f.id for f in page2.data] == ids[4:]  # type: ignore[attr-defined]


def test_deletes_delete(session: Session) -> None:
    """After a delete the resource is gone: 404 by id, absent from the list; the answer says deleted."""
    file_id = _ok(mistral_fn.files_upload(session, file=("a.jsonl", b"{}\n"))).id  # type: ignore[attr-defined]
    deleted = _ok(mistral_fn.files_delete(session, file_id=file_id))
    assert (deleted.id, deleted.deleted) == (file_id, True)  # type: ignore[attr-defined]
    assert _status(mistral_fn.files_retrieve(session, file_id=file_id)) == 404
    assert _status(mistral_fn.files_delete(session, file_id=file_id)) == 404
    agent = _ok(mistral_fn.beta_agents_create(session, model="mistral-medium-latest", name="x"))
    assert _ok(mistral_fn.beta_agents_delete(session, agent_id=agent.id)) is None  # type: ignore[attr-defined]
    assert _ok(mistral_fn.beta_agents_list(session)) == []


def test_library_documents_live_and_die_with_their_library(session: Session) -> None:
    """A document uploaded to a library is listed and readable; deleting the library deletes it."""
    library = _ok(mistral_fn.beta_libraries_create(session, name="docs")).id  # type: ignore[attr-defined]
    document = _ok(mistral_fn.beta_libraries_documents_upload(session, library_id=library, file=("a.txt", b"Hello.")))
    text = _ok(mistral_fn.beta_libraries_documents_text_content(session, library_id=library, document_id=document.id))  # type: ignore[attr-defined]
    assert text.text == "Hello."  # type: ignore[attr-defined]
    listed = _ok(mistral_fn.beta_libraries_documents_list(session, library_id=library))
    assert [d.id for d in listed.data] == [document.id]  # type: ignore[attr-defined]
    assert listed.pagination.total_items == 1  # type: ignore[attr-defined]
    _ok(mistral_fn.beta_libraries_delete(session, library_id=library))
    assert _status(mistral_fn.beta_libraries_documents_get(session, library_id=library, document_id=document.id)) == 404  # type: ignore[attr-defined]


def test_agent_updates_make_versions(session: Session) -> None:
    """Each update is a new version; versions can be read back and aliased."""
    agent = _ok(mistral_fn.beta_agents_create(session, model="mistral-medium-latest", name="v0"))
    updated = _ok(mistral_fn.beta_agents_update(session, agent_id=agent.id, name="v1"))  # type: ignore[attr-defined]
    assert (updated.version, updated.name) == (1, "v1")  # type: ignore[attr-defined]
    old = _ok(mistral_fn.beta_agents_get_version(session, agent_id=agent.id, version="0"))  # type: ignore[attr-defined]
    assert old.name == "v0"  # type: ignore[attr-defined]
    versions = _ok(mistral_fn.beta_agents_list_versions(session, agent_id=agent.id))  # type: ignore[attr-defined]
    assert [v.version for v in versions] == [0, 1]  # type: ignore[attr-defined]


def test_conversation_keeps_its_history(session: Session) -> None:
    """Start then append: the history holds both inputs and both replies, in order."""
    started = _ok(mistral_fn.beta_conversations_start(session, inputs="Hi", model="mistral-medium-latest"))
    conversation_id = started.conversation_id  # type: ignore[attr-defined]
    _ok(mistral_fn.beta_conversations_append(session, conversation_id=conversation_id, inputs="Again"))
    history = _ok(mistral_fn.beta_conversations_get_history(session, conversation_id=conversation_id))
    kinds = [e.type for e in history.entries]  # type: ignore[attr-defined]
    assert kinds == ["message.input", "message.output", "message.input", "message.output"]
    assert _ok(mistral_fn.beta_conversations_delete(session, conversation_id=conversation_id)) is None
    assert _status(mistral_fn.beta_conversations_get_history(session, conversation_id=conversation_id)) == 404


def test_embeddings_one_vector_per_input_deterministic(session: Session) -> None:
    """One vector per input, of the model's dimension; the same text gives the same vector."""
    result = _ok(mistral_fn.embeddings_create(session, model="mistral-embed", input=["a", "b", "a"]))
    vectors = [d.embedding for d in result.data]  # type: ignore[attr-defined]
    assert [d.index for d in result.data] == [0, 1, 2]  # type: ignore[attr-defined]
    assert [len(v) for v in vectors] == [1024] * 3
    assert vectors[0] == vectors[2] and vectors[0] != vectors[1]
    again = _ok(mistral_fn.embeddings_create(session, model="mistral-embed", input="b"))
    assert again.data[0].embedding == vectors[1]  # type: ignore[attr-defined]
    code = _ok(mistral_fn.embeddings_create(session, model="codestral-embed", input="b", output_dimension=256))
    assert len(code.data[0].embedding) == 256  # type: ignore[attr-defined]


def test_batch_job_life_cycle_writes_one_answer_per_input_line(session: Session) -> None:
    """QUEUED, then RUNNING, then SUCCESS (one step per GET); the output file answers every line in order."""
    lines = [{"custom_id": f"c{i}", "body": {"messages": [{"role": "user", "content": f"Q{i}"}]}} for i in range(3)]
    lines.append({"custom_id": "bad", "body": {"messages": "not a list"}})
    data = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    file_id = _ok(mistral_fn.files_upload(session, file=("in.jsonl", data), purpose="batch")).id  # type: ignore[attr-defined]
    job = _ok(
        mistral_fn.batch_jobs_create(
            session, endpoint="/v1/chat/completions", model="mistral-small-latest", input_files=[file_id]
        )
    )
    assert (job.status, job.total_requests) == ("QUEUED", 4)  # type: ignore[attr-defined]
    seen = [_ok(mistral_fn.batch_jobs_get(session, job_id=job.id)).status for _ in range(3)]  # type: ignore[attr-defined]
    assert seen == ["RUNNING", "SUCCESS", "SUCCESS"]
    done = _ok(mistral_fn.batch_jobs_get(session, job_id=job.id))  # type: ignore[attr-defined]
    assert (done.succeeded_requests, done.failed_requests) == (3, 1)  # type: ignore[attr-defined]
    output = _ok(mistral_fn.files_download(session, file_id=done.output_file)).read()  # type: ignore[attr-defined]
    records = [json.loads(line) for line in output.splitlines()]
    assert [r["custom_id"] for r in records] == ["c0", "c1", "c2"]
    assert all(r["response"]["status_code"] == 200 for r in records)
    assert records[0]["response"]["body"]["choices"][0]["message"]["role"] == "assistant"
    assert records[0]["response"]["body"]["model"] == "mistral-small-latest"
    errors = _ok(mistral_fn.files_download(session, file_id=done.error_file)).read()  # type: ignore[attr-defined]
    (error,) = [json.loads(line) for line in errors.splitlines()]
    assert (error["custom_id"], error["response"]["status_code"]) == ("bad", 422)


def test_batch_inline_requests_and_cancel(session: Session) -> None:
    """Inline requests land in `outputs`; a cancelled job is CANCELLED and stays so."""
    requests = [{"custom_id": "e", "body": {"input": ["x", "y"]}}]
    job = _ok(
        mistral_fn.batch_jobs_create(session, endpoint="/v1/embeddings", model="mistral-embed", requests=requests)
    )
    mistral_fn.batch_jobs_get(session, job_id=job.id)  # type: ignore[attr-defined]
    done = _ok(mistral_fn.batch_jobs_get(session, job_id=job.id))  # type: ignore[attr-defined]
    (record,) = done.outputs  # type: ignore[attr-defined]
    assert record["custom_id"] == "e" and len(record["response"]["body"]["data"]) == 2
    other = _ok(mistral_fn.batch_jobs_create(session, endpoint="/v1/embeddings", requests=requests))
    assert _ok(mistral_fn.batch_jobs_cancel(session, job_id=other.id)).status == "CANCELLED"  # type: ignore[attr-defined]
    assert _ok(mistral_fn.batch_jobs_get(session, job_id=other.id)).status == "CANCELLED"  # type: ignore[attr-defined]
    listed = _ok(mistral_fn.batch_jobs_list(session, status=["CANCELLED"]))
    assert [j.id for j in listed.data] == [other.id]  # type: ignore[attr-defined]


def test_jobs_advance_only_when_told_without_auto_advance() -> None:
    """MockServer(auto_advance_jobs=False): GETs do not move jobs; advance_jobs() does."""
    with MockServer(auto_advance_jobs=False) as mock:
        session = Session(api_key="test", server_url=mock.url)
        job = _ok(mistral_fn.batch_jobs_create(session, endpoint="/v1/embeddings", requests=[{"body": {"input": "x"}}]))
        assert _ok(mistral_fn.batch_jobs_get(session, job_id=job.id)).status == "QUEUED"  # type: ignore[attr-defined]
        mock.advance_jobs(2)
        assert _ok(mistral_fn.batch_jobs_get(session, job_id=job.id)).status == "SUCCESS"  # type: ignore[attr-defined]


def test_fine_tuning_job_life_cycle_makes_a_model(session: Session) -> None:
    """QUEUED -> RUNNING -> SUCCESS; the fine-tuned model then exists; cancel ends a job CANCELLED."""
    training = _ok(mistral_fn.files_upload(session, file=("t.jsonl", b"{}\n"))).id  # type: ignore[attr-defined]
    made = mistral_fn.fine_tuning_jobs_create(
        session, model="open-mistral-7b", training_files=[{"file_id": training}], hyperparameters={"training_steps": 1}
    )
    job = _ok(made)
    assert job.status == "QUEUED"  # type: ignore[attr-defined]
    statuses = [_ok(mistral_fn.fine_tuning_jobs_get(session, job_id=job.id)).status for _ in range(2)]  # type: ignore[attr-defined]
    assert statuses == ["RUNNING", "SUCCESS"]
    name = _ok(mistral_fn.fine_tuning_jobs_get(session, job_id=job.id)).fine_tuned_model  # type: ignore[attr-defined]
    assert _ok(mistral_fn.models_retrieve(session, model_id=name)).id == name  # type: ignore[attr-defined]
    other = _ok(
        mistral_fn.fine_tuning_jobs_create(
            session, model="open-mistral-7b", training_files=[{"file_id": training}], hyperparameters={}
        )
    )
    assert _ok(mistral_fn.fine_tuning_jobs_cancel(session, job_id=other.id)).status == "CANCELLED"  # type: ignore[attr-defined]
    unknown_file = mistral_fn.fine_tuning_jobs_create(
        session,
        model="open-mistral-7b",
        training_files=[{"file_id": "00000000-0000-4000-8000-000000000000"}],
        hyperparameters={},
    )
    assert _status(unknown_file) == 404


def test_chat_reply_is_the_mock_sentence(session: Session) -> None:
    result = _ok(mistral_fn.chat_complete(session, **CHAT))
    assert result.choices[0].message.content.startswith("This is a reply")  # type: ignore[attr-defined]


def test_an_adopted_agent_takes_the_version_it_is_switched_to() -> None:
    """adopt_unknown_ids (the docs runner's mock): an agent the mock never made has the version asked for."""
    agent_id = "ag_0197dfe5c3b17b6a8e5b2ad5a8a6f7c2"
    with MockServer(adopt_unknown_ids=True) as adopting:
        session = Session(api_key="sk-test", server_url=adopting.url)
        agent = _ok(mistral_fn.beta_agents_update_version(session, agent_id=agent_id, version=3))
        assert (agent.id, agent.version) == (agent_id, 3)  # type: ignore[attr-defined]
        assert _ok(mistral_fn.beta_agents_get(session, agent_id=agent_id)).version == 3  # type: ignore[attr-defined]
    with MockServer() as strict:
        session = Session(api_key="sk-test", server_url=strict.url)
        assert _status(mistral_fn.beta_agents_update_version(session, agent_id=agent_id, version=3)) == 404
