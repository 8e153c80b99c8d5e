"""Get Batch Job: GET /v1/batch/jobs/{job_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.batch_job_out import BatchJobOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BatchJobsGetError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_batch_get_batch_job",
    method="GET",
    path="/v1/batch/jobs/{job_id}",
    ok={200: BatchJobOut},
    params={"job_id": str, "inline": bool | Unset},
)
"""What `batch_jobs_get` sends and expects back."""


def batch_jobs_get(
    session: Session,
    *,
    job_id: str,
    inline: bool | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BatchJobOut, BatchJobsGetError]:
    """Get Batch Job.

    Get a batch job details by its UUID.

    Args:
        inline: If True, return results inline in the response.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"job_id": job_id}, query={"inline": inline}, call=call)
