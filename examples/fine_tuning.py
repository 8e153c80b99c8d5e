"""Fine-tuning jobs: upload training data, create a job without starting it, read it, list jobs, cancel it.

The job is made with auto_start=False and cancelled, so no training runs (fine_tuning_jobs_start would
start it). Real API with MISTRAL_API_KEY; otherwise the local mock server.
"""

import json
import sys

from _common import failed, session_for_example

from mistral_fn import (
    Err,
    Ok,
    files_upload,
    fine_tuning_jobs_cancel,
    fine_tuning_jobs_create,
    fine_tuning_jobs_get,
    fine_tuning_jobs_list,
)

EXAMPLES = [
    [{"role": "user", "content": f"What is {a} + {b}?"}, {"role": "assistant", "content": str(a + b)}]
    for a in range(1, 11)
    for b in range(1, 11)
]


def main() -> int:
    training = "".join(json.dumps({"messages": messages}) + "\n" for messages in EXAMPLES)
    with session_for_example("fine_tuning") as session:
        match files_upload(session, file=("sums.jsonl", training.encode()), purpose="fine-tune"):
            case Ok(uploaded):
                print("training file:", uploaded.id)
            case Err(error):
                return failed("files_upload", error)

        match fine_tuning_jobs_create(
            session,
            model="open-mistral-7b",
            training_files=[{"file_id": uploaded.id, "weight": 1}],
            hyperparameters={"training_steps": 10, "learning_rate": 0.0001},
            suffix="sums",
            auto_start=False,
        ):
            case Ok(job):
                print(f"created job {job.id}: {job.status}")
            case Err(error):
                return failed("fine_tuning_jobs_create", error)

        match fine_tuning_jobs_get(session, job_id=job.id):
            case Ok(detail):
                print(f"job {detail.id}: {detail.status}, model {detail.model}")
            case Err(error):
                return failed("fine_tuning_jobs_get", error)

        match fine_tuning_jobs_list(session, page_size=5):
            case Ok(jobs):
                print("recent jobs:", [(j.id, j.status) for j in jobs.data])
            case Err(error):
                return failed("fine_tuning_jobs_list", error)

        match fine_tuning_jobs_cancel(session, job_id=job.id):
            case Ok(detail):
                print(f"cancelled: {detail.status}")
            case Err(error):
                return failed("fine_tuning_jobs_cancel", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
