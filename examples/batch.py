"""Batch jobs: upload the requests, start a job, follow it, list jobs, cancel it. Real API or the local mock.

On the real API the job is cancelled at the end, so it costs at most what ran before that.
"""

import json
import sys

from _common import failed, session_for_example

from mistral_fn import Err, Ok, batch_jobs_cancel, batch_jobs_create, batch_jobs_get, batch_jobs_list, files_upload

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
