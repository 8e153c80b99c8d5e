"""Retrieve a specific version of an agent: GET /v1/agents/{agent_id}/versions/{version}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..result import Result
from ..session import RetryConfig, Session

BetaAgentsGetVersionError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_get_version",
    method="GET",
    path="/v1/agents/{agent_id}/versions/{version}",
    ok={200: Agent},
    errors={422: HTTPValidationError},
    params={"agent_id": str, "version": str},
)
"""What `beta_agents_get_version` sends and expects back."""


def beta_agents_get_version(
    session: Session,
    *,
    agent_id: str,
    version: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[Agent, BetaAgentsGetVersionError]:
    """Retrieve a specific version of an agent.

    Get a specific agent version by version number.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id, "version": version}, call=call)
