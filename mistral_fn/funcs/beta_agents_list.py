"""List agent entities: GET /v1/agents."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..models.request_source import RequestSource
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaAgentsListError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_list",
    method="GET",
    path="/v1/agents",
    ok={200: list[Agent]},
    errors={422: HTTPValidationError},
    params={
        "page": int | Unset,
        "page_size": int | Unset,
        "deployment_chat": bool | Unset,
        "sources": list[RequestSource | str] | Unset,
        "name": str | Unset,
        "id": str | Unset,
        "metadata": dict[str, Any] | Unset,
    },
    json_query=frozenset({"metadata"}),
    pages=Pages(page_size=20),
)
"""What `beta_agents_list` sends and expects back."""


def beta_agents_list(
    session: Session,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    deployment_chat: bool | None | Unset = UNSET,
    sources: Sequence[RequestSource | str] | None | Unset = UNSET,
    name: str | None | Unset = UNSET,
    id: str | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[list[Agent], BetaAgentsListError]:
    """List agent entities.

    Retrieve a list of agent entities sorted by creation time.

    Args:
        page: Page number (0-indexed) Default: 0.
        page_size: Number of agents per page. Default: 20.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session,
        OPERATION,
        query={
            "page": page,
            "page_size": page_size,
            "deployment_chat": deployment_chat,
            "sources": sources,
            "name": name,
            "id": id,
            "metadata": metadata,
        },
        call=call,
    )
