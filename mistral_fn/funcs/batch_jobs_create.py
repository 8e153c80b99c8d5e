"""Create Batch Job: POST /v1/batch/jobs."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.api_endpoint import ApiEndpoint
from ..models.batch_job_in import BatchJobIn
from ..models.batch_job_out import BatchJobOut
from ..models.batch_request import BatchRequest
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BatchJobsCreateError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_batch_create_batch_job",
    method="POST",
    path="/v1/batch/jobs",
    body=BatchJobIn,
    ok={200: BatchJobOut},
    creates=True,
)
"""What `batch_jobs_create` sends and expects back."""


def batch_jobs_create(
    session: Session,
    *,
    endpoint: ApiEndpoint | str,
    input_files: Sequence[str] | None | Unset = UNSET,
    requests: Sequence[BatchRequest | Mapping[str, Any]] | None | Unset = UNSET,
    model: str | None | Unset = UNSET,
    agent_id: str | None | Unset = UNSET,
    metadata: Mapping[str, str] | None | Unset = UNSET,
    timeout_hours: int | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BatchJobOut, BatchJobsCreateError]:
    """Create Batch Job.

    Create a new batch job, it will be queued for processing.

    Args:
        endpoint: The endpoint to be used for batch inference.
        input_files: The list of input files to be used for batch inference, these files should be `jsonl` files,
            containing the input data corresponding to the bory request for the batch inference in a "body" field.
            An example of such file is the following: ```json {"custom_id": "0", "body": {"max_tokens": 100,
            "messages": [{"role": "user", "content": "What is the best French cheese?"}]}} {"custom_id": "1",
            "body": {"max_tokens": 100, "messages": [{"role": "user", "content": "What is the best French wine?"}]}}
            ```
        model: The model to be used for batch inference.
        agent_id: In case you want to use a specific agent from the **deprecated** agents api for batch inference,
            you can specify the agent ID here.
        metadata: The metadata of your choice to be associated with the batch inference job.
        timeout_hours: The timeout in hours for the batch inference job. Default: 24.
    """
    body = {
        "input_files": input_files,
        "requests": requests,
        "endpoint": endpoint,
        "model": model,
        "agent_id": agent_id,
        "metadata": metadata,
        "timeout_hours": timeout_hours,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
