"""The batch pipeline end to end through MockServer, whose batch jobs run QUEUED -> RUNNING -> SUCCESS
and answer every input line: 1,000 chat requests split into two jobs, the run saved and loaded."""

from pathlib import Path

from mistral_fn import Session
from mistral_fn.batch import BatchCounts, BatchRun, batch_results, batch_submit, batch_wait
from mistral_fn.models.chat_completion_response import ChatCompletionResponse
from mistral_fn.models.embedding_response import EmbeddingResponse
from mistral_fn.testing import MockServer


def test_a_thousand_chat_requests_in_two_jobs(tmp_path: Path) -> None:
    with MockServer() as mock:
        session = Session(api_key="sk-test", server_url=mock.url)
        requests = ({"messages": [{"role": "user", "content": f"question {i}"}], "max_tokens": 8} for i in range(1000))
        run = batch_submit(session, requests, model="mistral-small-latest", max_requests_per_job=600).unwrap()
        assert [(job.start, job.count) for job in run.jobs] == [(0, 600), (600, 400)]

        saved = tmp_path / "run.json"
        saved.write_text(run.to_json())
        loaded = BatchRun.from_json(saved.read_text())
        assert loaded == run

        counts: list[BatchCounts] = []
        done = batch_wait(session, loaded, poll_ms=10, deadline_ms=60_000, on_progress=counts.append).unwrap()
        assert [job.status for job in done.jobs] == ["SUCCESS", "SUCCESS"]
        assert counts[-1] == BatchCounts(1000, 1000, 1000, 0, 2, 2)

        ordered = list(batch_results(session, done, ordered=True))
        assert len(ordered) == 1000 and all(r.ok for r in ordered)
        assert [r.unwrap()[0] for r in ordered] == [str(i) for i in range(1000)]
        assert all(isinstance(r.unwrap()[1], ChatCompletionResponse) for r in ordered)
        as_read = sorted(int(r.unwrap()[0]) for r in batch_results(session, done))
        assert as_read == list(range(1000))
        uploads = [r for r in mock.requests if r.operation == "files_upload"]
        assert len(uploads) == 2 and all(r.headers.get("Transfer-Encoding") == "chunked" for r in uploads)


def test_embeddings_by_batch_with_custom_ids() -> None:
    with MockServer() as mock:
        session = Session(api_key="sk-test", server_url=mock.url)
        requests = [{"custom_id": f"doc-{i}", "body": {"input": [f"text {i}"]}} for i in range(30)]
        run = batch_submit(session, requests, model="mistral-embed", endpoint="/v1/embeddings").unwrap()
        done = batch_wait(session, run, poll_ms=10, deadline_ms=30_000).unwrap()
        results = [r.unwrap() for r in batch_results(session, done, ordered=True)]
        assert [cid for cid, _ in results] == [f"doc-{i}" for i in range(30)]
        assert all(isinstance(response, EmbeddingResponse) for _, response in results)
