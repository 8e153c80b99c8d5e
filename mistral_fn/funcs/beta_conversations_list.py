"""List all created conversations: GET /v1/conversations."""

import threading
from collections.abc import Mapping
from typing import Any

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent_conversation import AgentConversation
from ..models.model_conversation import ModelConversation
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaConversationsListResponse = list[ModelConversation | AgentConversation]

BetaConversationsListError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_list",
    method="GET",
    path="/v1/conversations",
    ok={200: BetaConversationsListResponse},
    errors={422: HTTPValidationError},
    params={"page": int | Unset, "page_size": int | Unset, "metadata": dict[str, Any] | Unset},
    json_query=frozenset({"metadata"}),
    pages=Pages(page_size=100),
)
"""What `beta_conversations_list` sends and expects back."""


def beta_conversations_list(
    session: Session,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BetaConversationsListResponse, BetaConversationsListError]:
    """List all created conversations.

    Retrieve a list of conversation entities sorted by creation time.

    Args:
        page: Default: 0.
        page_size: Default: 100.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, query={"page": page, "page_size": page_size, "metadata": metadata}, call=call)
