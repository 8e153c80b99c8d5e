"""Cancel Fine Tuning Job: POST /v1/fine_tuning/jobs/{job_id}/cancel."""

import threading
from collections.abc import Mapping
from typing import Annotated, Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.classifier_detailed_job_out import ClassifierDetailedJobOut
from ..models.completion_detailed_job_out import CompletionDetailedJobOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import Discriminator

FineTuningJobsCancelResponse = Annotated[
    CompletionDetailedJobOut | ClassifierDetailedJobOut | dict[str, Any],
    Discriminator("job_type", {"classifier": ClassifierDetailedJobOut, "completion": CompletionDetailedJobOut}),
]

FineTuningJobsCancelError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
    method="POST",
    path="/v1/fine_tuning/jobs/{job_id}/cancel",
    ok={200: FineTuningJobsCancelResponse},
    params={"job_id": str},
)
"""What `fine_tuning_jobs_cancel` sends and expects back."""


def fine_tuning_jobs_cancel(
    session: Session,
    *,
    job_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[FineTuningJobsCancelResponse, FineTuningJobsCancelError]:
    """Cancel Fine Tuning Job.

    Request the cancellation of a fine tuning job.

    Args:
        job_id: The ID of the job to cancel.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"job_id": job_id}, call=call)
