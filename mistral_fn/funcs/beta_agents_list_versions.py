"""List all versions of an agent: GET /v1/agents/{agent_id}/versions."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaAgentsListVersionsError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_list_versions",
    method="GET",
    path="/v1/agents/{agent_id}/versions",
    ok={200: list[Agent]},
    errors={422: HTTPValidationError},
    params={"agent_id": str, "page": int | Unset, "page_size": int | Unset},
    pages=Pages(page_size=20),
)
"""What `beta_agents_list_versions` sends and expects back."""


def beta_agents_list_versions(
    session: Session,
    *,
    agent_id: str,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[list[Agent], BetaAgentsListVersionsError]:
    """List all versions of an agent.

    Retrieve all versions for a specific agent with full agent context. Supports pagination.

    Args:
        page: Page number (0-indexed) Default: 0.
        page_size: Number of versions per page. Default: 20.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session, OPERATION, path={"agent_id": agent_id}, query={"page": page, "page_size": page_size}, call=call
    )
