"""The batch pipeline against a small fake of the Batch API on loopback: submit (streamed, split),
wait, results (typed, errors per request, ordered), and a BatchRun through JSON."""

import io
import json
import threading
from typing import Any

import pytest

from mistral_fn import Err, Ok, RetryConfig, Session
from mistral_fn.batch import BatchCounts, BatchItemError, BatchRun, batch_results, batch_submit, batch_wait
from mistral_fn.errors import InvalidRequestError, RequestTimeoutError
from mistral_fn.models.chat_completion_response import ChatCompletionResponse
from tests.conftest import API_KEY
from tests.loopback import Loopback
from tests.scale.batch_fake import FakeBatchApi


def _chat(i: int, **extra: Any) -> dict[str, Any]:
    return {"messages": [{"role": "user", "content": f"question {i}"}], **extra}


@pytest.fixture
def fake(server: Loopback) -> FakeBatchApi:
    return FakeBatchApi(server)


def _wait(session: Session, run: BatchRun, **kwargs: Any) -> BatchRun:
    return batch_wait(session, run, poll_ms=1, **kwargs).unwrap()


def test_submit_wait_results(fake: FakeBatchApi, session: Session) -> None:
    run = batch_submit(session, (_chat(i) for i in range(50)), model="mistral-small-latest").unwrap()
    assert len(run.jobs) == 1 and run.total == 50 and run.model == "mistral-small-latest"
    assert fake.uploads[0]["chunked"] == "chunked"  # streamed: the size was never known up front
    lines = [json.loads(x) for x in fake.files[run.jobs[0].input_file].splitlines()]
    assert [x["custom_id"] for x in lines] == [str(i) for i in range(50)]
    assert lines[3]["body"] == _chat(3)
    created = fake.jobs[run.jobs[0].job_id]
    assert (created["endpoint"], created["model"]) == ("/v1/chat/completions", "mistral-small-latest")

    counts: list[BatchCounts] = []
    done = _wait(session, run, on_progress=counts.append)
    assert done.finished and done.jobs[0].status == "SUCCESS" and done.jobs[0].output_file
    assert counts[0].completed == 0 and counts[-1] == BatchCounts(50, 50, 50, 0, 1, 1)

    results = list(batch_results(session, done))
    assert all(isinstance(r, Ok) for r in results)
    assert [r.value[0] for r in results] == [str(i) for i in reversed(range(50))]  # as the file has them
    custom_id, response = results[0].value
    assert isinstance(response, ChatCompletionResponse)
    assert response.choices[0].message.content == f"question {custom_id}"

    ordered = list(batch_results(session, done, ordered=True))
    assert [r.unwrap()[0] for r in ordered] == [str(i) for i in range(50)]


def test_split_by_request_count_and_by_file_size(fake: FakeBatchApi, session: Session) -> None:
    run = batch_submit(session, [_chat(i) for i in range(25)], model="m", max_requests_per_job=10).unwrap()
    assert [(j.start, j.count) for j in run.jobs] == [(0, 10), (10, 10), (20, 5)]
    assert len(set(run.job_ids)) == 3
    line = len(json.dumps({"custom_id": "0", "body": _chat(0)}, separators=(",", ":"))) + 1
    run = batch_submit(session, [_chat(i) for i in range(9)], model="m", max_file_bytes=line * 4 + 2).unwrap()
    assert [j.count for j in run.jobs] == [4, 4, 1]
    assert all(len(fake.files[j.input_file]) <= line * 4 + 2 for j in run.jobs)
    done = _wait(session, run)
    assert [r.unwrap()[0] for r in batch_results(session, done, ordered=True)] == [str(i) for i in range(9)]


def test_run_round_trips_through_json(fake: FakeBatchApi, session: Session) -> None:
    requests = [{"custom_id": f"doc-{i}", "body": _chat(i)} for i in range(7)]
    run = batch_submit(session, requests, model="m", metadata={"team": "x"}, max_requests_per_job=3).unwrap()
    text = run.to_json()
    again = BatchRun.from_json(text)
    assert again == run and json.loads(text)["jobs"][1]["custom_ids"] == ["doc-3", "doc-4", "doc-5"]
    later = _wait(session, BatchRun.from_json(text))  # as a later process would
    assert BatchRun.from_json(later.to_json()) == later
    assert [r.unwrap()[0] for r in batch_results(session, later, ordered=True)] == [f"doc-{i}" for i in range(7)]


def test_failed_and_missing_requests_are_errs(fake: FakeBatchApi, session: Session) -> None:
    requests = [_chat(0), _chat(1, fail=True), _chat(2), _chat(3, skip=True)]
    done = _wait(session, batch_submit(session, requests, model="m").unwrap())
    ordered = list(batch_results(session, done, ordered=True))
    assert [r.ok for r in ordered] == [True, False, True, False]
    failed, missing = ordered[1].error, ordered[3].error
    assert isinstance(failed, BatchItemError) and (failed.custom_id, failed.status_code) == ("1", 400)
    assert "bad request" in str(failed)
    assert isinstance(missing, BatchItemError) and (missing.custom_id, missing.status_code) == ("3", 0)
    match ordered[1]:
        case Err(BatchItemError(custom_id=cid)):
            assert cid == "1"
    as_read = list(batch_results(session, done))
    assert sorted(r.value[0] if r.ok else r.error.custom_id for r in as_read) == ["0", "1", "2", "3"]


def test_results_of_an_unfinished_run(fake: FakeBatchApi, session: Session) -> None:
    run = batch_submit(session, [_chat(0)], model="m").unwrap()
    results = list(batch_results(session, run))  # one GET moves the fake to RUNNING only
    assert len(results) == 1 and isinstance(results[0].error, InvalidRequestError)
    assert "batch_wait" in str(results[0].error)


def test_wait_deadline(fake: FakeBatchApi, session: Session) -> None:
    run = batch_submit(session, [_chat(0)], model="m").unwrap()
    result = batch_wait(session, run, poll_ms=500, deadline_ms=200)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)


def test_wait_cancel(fake: FakeBatchApi, session: Session) -> None:
    run = batch_submit(session, [_chat(0)], model="m").unwrap()
    cancel = threading.Event()
    cancel.set()
    result = batch_wait(session, run, poll_ms=10_000, cancel=cancel)
    assert isinstance(result, Err)


def test_bad_requests_send_no_job(fake: FakeBatchApi, session: Session) -> None:
    result = batch_submit(
        session, [_chat(0), {"custom_id": "a", "body": _chat(1)}, {"custom_id": "a", "body": {}}], model="m"
    )
    assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    assert "used twice" in str(result.error) and fake.jobs == {}
    result = batch_submit(session, [_chat(0), {"x": float("nan")}], model="m")
    assert isinstance(result, Err) and "request 1" in str(result.error) and fake.jobs == {}
    result = batch_submit(session, [], model="m")
    assert isinstance(result, Err) and "no requests" in str(result.error)
    result = batch_submit(session, [_chat(0)])
    assert isinstance(result, Err) and "model" in str(result.error)


def test_a_failure_after_some_jobs_names_them(fake: FakeBatchApi, server: Loopback) -> None:
    session = Session(api_key=API_KEY, server_url=server.url, retry_config=RetryConfig())
    requests = [_chat(0), _chat(1), _chat(2), {"x": float("inf")}]
    result = batch_submit(session, requests, model="m", max_requests_per_job=2)
    assert isinstance(result, Err)
    assert len(fake.jobs) == 1
    assert any(next(iter(fake.jobs)) in note for note in result.error.__notes__)


def test_command_line_submit_wait_results(fake: FakeBatchApi, server: Loopback, tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    requests = tmp_path / "requests.jsonl"
    lines = [json.dumps(_chat(i)) for i in range(5)] + ["", json.dumps({"custom_id": "last", "body": _chat(9)})]
    requests.write_text("\n".join(lines) + "\n")
    env = {**os.environ, "MISTRAL_API_KEY": API_KEY, "MISTRAL_SERVER_URL": server.url}
    command = [sys.executable, "-m", "mistral_fn.batch"]
    out = tmp_path / "results.jsonl"
    done = subprocess.run(
        [*command, "submit", str(requests), "--model", "m", "--wait", "--out", str(out), "--ordered"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "submitted 6 requests in 1 job(s)" in done.stderr
    assert "6/6 requests done, 0 failed, 1/1 jobs finished" in done.stderr  # plain lines: not a terminal
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["custom_id"] for r in records] == ["0", "1", "2", "3", "4", "last"]
    assert records[5]["response"]["choices"][0]["message"]["content"] == "question 9"
    run = BatchRun.from_json((tmp_path / "requests.run.json").read_text())
    assert run.finished and run.total == 6

    status = subprocess.run(
        [*command, "status", str(tmp_path / "requests.run.json")], capture_output=True, text=True, env=env, timeout=60
    )
    assert status.returncode == 0 and "6/6 requests done" in status.stderr
    again = subprocess.run(
        [*command, "results", str(tmp_path / "requests.run.json")], capture_output=True, text=True, env=env, timeout=60
    )
    assert again.returncode == 0
    assert sorted(json.loads(x)["custom_id"] for x in again.stdout.splitlines()) == sorted(
        r["custom_id"] for r in records
    )


def test_command_line_bad_input(server: Loopback, tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    FakeBatchApi(server)
    requests = tmp_path / "requests.jsonl"
    requests.write_text('{"messages": []}\nnot json\n')
    env = {**os.environ, "MISTRAL_API_KEY": API_KEY, "MISTRAL_SERVER_URL": server.url}
    done = subprocess.run(
        [sys.executable, "-m", "mistral_fn.batch", "submit", str(requests), "--model", "m"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "requests.jsonl:2: not JSON" in done.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere() -> None:
    from mistral_fn.batch.progress import Progress

    counts = [BatchCounts(10, 0, 0, 0, 1, 0), BatchCounts(10, 5, 4, 1, 1, 0), BatchCounts(10, 10, 9, 1, 1, 1)]
    terminal = _Terminal()
    bar = Progress(terminal)
    for c in counts:
        bar(c)
    text = terminal.getvalue()
    assert text.count("\r[") == 3 and "[###############...............] 5/10" in text and text.endswith("\n")
    plain = io.StringIO()
    lines = Progress(plain)
    for c in [*counts, counts[-1]]:  # an unchanged count is not repeated
        lines(c)
    assert plain.getvalue().splitlines() == [
        "0/10 requests done, 0 failed, 0/1 jobs finished",
        "5/10 requests done, 1 failed, 0/1 jobs finished",
        "10/10 requests done, 1 failed, 1/1 jobs finished",
    ]


def test_a_batch_item_error_pickles() -> None:
    import pickle

    error = BatchItemError("batch request '3' failed with status 400: bad", custom_id="3", status_code=400, body="{}")
    again = pickle.loads(pickle.dumps(error))
    assert (again.custom_id, again.status_code, again.message, again.body) == ("3", 400, error.message, "{}")
