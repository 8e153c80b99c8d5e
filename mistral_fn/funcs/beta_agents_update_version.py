"""Update an agent version: PATCH /v1/agents/{agent_id}/version."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..result import Result
from ..session import RetryConfig, Session

BetaAgentsUpdateVersionError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_update_version",
    method="PATCH",
    path="/v1/agents/{agent_id}/version",
    ok={200: Agent},
    errors={422: HTTPValidationError},
    params={"agent_id": str, "version": int},
)
"""What `beta_agents_update_version` sends and expects back."""


def beta_agents_update_version(
    session: Session,
    *,
    agent_id: str,
    version: int,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[Agent, BetaAgentsUpdateVersionError]:
    """Update an agent version.

    Switch the version of an agent.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id}, query={"version": version}, call=call)
