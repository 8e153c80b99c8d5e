"""Get Fine Tuning Jobs: GET /v1/fine_tuning/jobs."""

import datetime
import threading
from collections.abc import Mapping
from typing import Literal

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError
from ..models.jobs_out import JobsOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

FineTuningJobsListStatus = Literal[
    "QUEUED",
    "STARTED",
    "VALIDATING",
    "VALIDATED",
    "RUNNING",
    "FAILED_VALIDATION",
    "FAILED",
    "SUCCESS",
    "CANCELLED",
    "CANCELLATION_REQUESTED",
]

FineTuningJobsListError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
    method="GET",
    path="/v1/fine_tuning/jobs",
    ok={200: JobsOut},
    params={
        "page": int | Unset,
        "page_size": int | Unset,
        "model": str | Unset,
        "created_after": datetime.datetime | Unset,
        "created_before": datetime.datetime | Unset,
        "created_by_me": bool | Unset,
        "status": FineTuningJobsListStatus | str | Unset,
        "wandb_project": str | Unset,
        "wandb_name": str | Unset,
        "suffix": str | Unset,
    },
    pages=Pages(items="data", total="total", page_size=100),
)
"""What `fine_tuning_jobs_list` sends and expects back."""


def fine_tuning_jobs_list(
    session: Session,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    model: str | None | Unset = UNSET,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_before: datetime.datetime | None | Unset = UNSET,
    created_by_me: bool | Unset = UNSET,
    status: FineTuningJobsListStatus | str | None | Unset = UNSET,
    wandb_project: str | None | Unset = UNSET,
    wandb_name: str | None | Unset = UNSET,
    suffix: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[JobsOut, FineTuningJobsListError]:
    """Get Fine Tuning Jobs.

    Get a list of fine-tuning jobs for your organization and user.

    Args:
        page: The page number of the results to be returned. Default: 0.
        page_size: The number of items to return per page. Default: 100.
        model: The model name used for fine-tuning to filter on. When set, the other results are not displayed.
        created_after: The date/time to filter on. When set, the results for previous creation times are not
            displayed.
        created_by_me: When set, only return results for jobs created by the API caller. Other results are not
            displayed. Default: False.
        status: The current job state to filter on. When set, the other results are not displayed.
        wandb_project: The Weights and Biases project to filter on. When set, the other results are not displayed.
        wandb_name: The Weight and Biases run name to filter on. When set, the other results are not displayed.
        suffix: The model suffix to filter on. When set, the other results are not displayed.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session,
        OPERATION,
        query={
            "page": page,
            "page_size": page_size,
            "model": model,
            "created_after": created_after,
            "created_before": created_before,
            "created_by_me": created_by_me,
            "status": status,
            "wandb_project": wandb_project,
            "wandb_name": wandb_name,
            "suffix": suffix,
        },
        call=call,
    )
