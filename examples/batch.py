"""Batch jobs: by hand (upload, create, read, list, cancel), then the whole pipeline with
`mistral_fn.batch` (submit, wait, results in input order). Real API or the local mock.

On the real API the hand-made job is cancelled at once, and the pipeline's jobs are cancelled if
they have not finished within WAIT_MS, so the example costs at most what ran before that.
"""

import json
import sys

from _common import failed, session_for_example

from mistral_fn import (
    Err,
    Ok,
    Session,
    batch_jobs_cancel,
    batch_jobs_create,
    batch_jobs_get,
    batch_jobs_list,
    files_upload,
)
from mistral_fn.batch import BatchCounts, BatchItemError, BatchRun, batch_results, batch_submit, batch_wait

REQUESTS = "".join(
    json.dumps({"custom_id": str(i), "body": {"max_tokens": 16, "messages": [{"role": "user", "content": q}]}}) + "\n"
    for i, q in enumerate(["Say hello.", "Say goodbye."])
)


def main() -> int:
    with session_for_example("batch") as session:
        match files_upload(session, file=("requests.jsonl", REQUESTS.encode()), purpose="batch"):
            case Ok(uploaded):
                pass
            case Err(error):
                return failed("files_upload", error)

        match batch_jobs_create(
            session,
            endpoint="/v1/chat/completions",
            model="mistral-small-latest",
            input_files=[uploaded.id],
            metadata={"example": "batch.py"},
        ):
            case Ok(job):
                print(f"created batch job {job.id}: {job.status}")
            case Err(error):
                return failed("batch_jobs_create", error)

        match batch_jobs_get(session, job_id=job.id):
            case Ok(job):
                print(f"job {job.id}: {job.status}, {job.total_requests} requests")
            case Err(error):
                return failed("batch_jobs_get", error)

        match batch_jobs_list(session, page_size=5):
            case Ok(jobs):
                print("recent jobs:", [(j.id, j.status) for j in jobs.data])
            case Err(error):
                return failed("batch_jobs_list", error)

        match batch_jobs_cancel(session, job_id=job.id):
            case Ok(job):
                print(f"cancelled: {job.status}")
            case Err(error):
                return failed("batch_jobs_cancel", error)

        return pipeline(session)


QUESTIONS = ["What is 2 + 2?", "Name a French painter.", "Say hello in Italian.", "What colour is the sky?"]
WAIT_MS = 10 * 60 * 1000


def pipeline(session: Session) -> int:
    """Submit, save the run as JSON (a later process could pick it up), wait, read the results."""
    requests = ({"max_tokens": 32, "messages": [{"role": "user", "content": q}]} for q in QUESTIONS)
    match batch_submit(session, requests, model="mistral-small-latest", metadata={"example": "batch.py"}):
        case Ok(run):
            print(f"submitted {run.total} requests in {len(run.jobs)} job(s): {run.job_ids}")
        case Err(error):
            return failed("batch_submit", error)
    saved = run.to_json()  # e.g. into S3 or a queue message, between two Lambda invocations
    run = BatchRun.from_json(saved)

    def progress(counts: BatchCounts) -> None:
        print(f"  {counts.completed}/{counts.total} done, {counts.failed} failed", file=sys.stderr)

    match batch_wait(session, run, deadline_ms=WAIT_MS, poll_ms=1000, on_progress=progress):
        case Ok(run):
            print(f"finished: {[job.status for job in run.jobs]}")
        case Err(error):
            for job_id in run.job_ids:  # not done in time: stop paying for it
                batch_jobs_cancel(session, job_id=job_id)
            return failed("batch_wait", error)
    for result in batch_results(session, run, ordered=True):
        match result:
            case Ok((custom_id, response)):
                print(f"  {QUESTIONS[int(custom_id)]} -> {response.choices[0].message.content!r:.60}")
            case Err(BatchItemError(custom_id=custom_id) as error):
                print(f"  request {custom_id} failed: {error}")
            case Err(error):
                return failed("batch_results", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
