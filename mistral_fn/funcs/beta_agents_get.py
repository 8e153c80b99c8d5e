"""Retrieve an agent entity: GET /v1/agents/{agent_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaAgentsGetError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_get",
    method="GET",
    path="/v1/agents/{agent_id}",
    ok={200: Agent},
    errors={422: HTTPValidationError},
    params={"agent_id": str, "agent_version": int | str | Unset},
)
"""What `beta_agents_get` sends and expects back."""


def beta_agents_get(
    session: Session,
    *,
    agent_id: str,
    agent_version: int | str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[Agent, BetaAgentsGetError]:
    """Retrieve an agent entity.

    Given an agent, retrieve an agent entity with its attributes. The agent_version parameter can be an integer
    version number or a string alias.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id}, query={"agent_version": agent_version}, call=call)
