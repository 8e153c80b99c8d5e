"""Cancel Batch Job: POST /v1/batch/jobs/{job_id}/cancel."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.batch_job_out import BatchJobOut
from ..result import Result
from ..session import RetryConfig, Session

BatchJobsCancelError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_batch_cancel_batch_job",
    method="POST",
    path="/v1/batch/jobs/{job_id}/cancel",
    ok={200: BatchJobOut},
    params={"job_id": str},
)
"""What `batch_jobs_cancel` sends and expects back."""


def batch_jobs_cancel(
    session: Session,
    *,
    job_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BatchJobOut, BatchJobsCancelError]:
    """Cancel Batch Job.

    Request the cancellation of a batch job.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"job_id": job_id}, call=call)
