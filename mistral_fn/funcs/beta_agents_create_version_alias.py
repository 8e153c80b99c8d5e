"""Create or update an agent version alias: PUT /v1/agents/{agent_id}/aliases."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent_alias_response import AgentAliasResponse
from ..result import Result
from ..session import RetryConfig, Session

BetaAgentsCreateVersionAliasError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_create_or_update_alias",
    method="PUT",
    path="/v1/agents/{agent_id}/aliases",
    ok={200: AgentAliasResponse},
    errors={422: HTTPValidationError},
    params={"agent_id": str, "alias": str, "version": int},
)
"""What `beta_agents_create_version_alias` sends and expects back."""


def beta_agents_create_version_alias(
    session: Session,
    *,
    agent_id: str,
    alias: str,
    version: int,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[AgentAliasResponse, BetaAgentsCreateVersionAliasError]:
    """Create or update an agent version alias.

    Create a new alias or update an existing alias to point to a specific version. Aliases are unique per agent and
    can be reassigned to different versions.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session, OPERATION, path={"agent_id": agent_id}, query={"alias": alias, "version": version}, call=call
    )
