"""Get Batch Jobs: GET /v1/batch/jobs."""

import datetime
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError
from ..models.batch_job_status import BatchJobStatus
from ..models.batch_jobs_out import BatchJobsOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BatchJobsListError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_batch_get_batch_jobs",
    method="GET",
    path="/v1/batch/jobs",
    ok={200: BatchJobsOut},
    params={
        "page": int | Unset,
        "page_size": int | Unset,
        "model": str | Unset,
        "agent_id": str | Unset,
        "metadata": dict[str, Any] | Unset,
        "created_after": datetime.datetime | Unset,
        "created_by_me": bool | Unset,
        "status": list[BatchJobStatus | str] | Unset,
    },
    pages=Pages(items="data", total="total", page_size=100),
)
"""What `batch_jobs_list` sends and expects back."""


def batch_jobs_list(
    session: Session,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    model: str | None | Unset = UNSET,
    agent_id: str | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    created_after: datetime.datetime | None | Unset = UNSET,
    created_by_me: bool | Unset = UNSET,
    status: Sequence[BatchJobStatus | str] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BatchJobsOut, BatchJobsListError]:
    """Get Batch Jobs.

    Get a list of batch jobs for your organization and user.

    Args:
        page: Default: 0.
        page_size: Default: 100.
        created_by_me: Default: False.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session,
        OPERATION,
        query={
            "page": page,
            "page_size": page_size,
            "model": model,
            "agent_id": agent_id,
            "metadata": metadata,
            "created_after": created_after,
            "created_by_me": created_by_me,
            "status": status,
        },
        call=call,
    )
