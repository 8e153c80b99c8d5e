"""Delete an agent entity: DELETE /v1/agents/{agent_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaAgentsDeleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_delete",
    method="DELETE",
    path="/v1/agents/{agent_id}",
    ok={204: None},
    errors={422: HTTPValidationError},
    params={"agent_id": str},
)
"""What `beta_agents_delete` sends and expects back."""


def beta_agents_delete(
    session: Session,
    *,
    agent_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[None, BetaAgentsDeleteError]:
    """Delete an agent entity."""
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id}, call=call)
