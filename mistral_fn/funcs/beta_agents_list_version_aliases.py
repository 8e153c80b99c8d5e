"""List all aliases for an agent: GET /v1/agents/{agent_id}/aliases."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent_alias_response import AgentAliasResponse
from ..result import Result
from ..session import RetryConfig, Session

BetaAgentsListVersionAliasesError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_list_version_aliases",
    method="GET",
    path="/v1/agents/{agent_id}/aliases",
    ok={200: list[AgentAliasResponse]},
    errors={422: HTTPValidationError},
    params={"agent_id": str},
)
"""What `beta_agents_list_version_aliases` sends and expects back."""


def beta_agents_list_version_aliases(
    session: Session,
    *,
    agent_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[list[AgentAliasResponse], BetaAgentsListVersionAliasesError]:
    """List all aliases for an agent.

    Retrieve all version aliases for a specific agent.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id}, call=call)
