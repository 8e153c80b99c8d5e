"""Retrieve a conversation information: GET /v1/conversations/{conversation_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent_conversation import AgentConversation
from ..models.model_conversation import ModelConversation
from ..result import Result
from ..session import RetryConfig, Session

BetaConversationsGetResponse = ModelConversation | AgentConversation

BetaConversationsGetError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_get",
    method="GET",
    path="/v1/conversations/{conversation_id}",
    ok={200: BetaConversationsGetResponse},
    errors={422: HTTPValidationError},
    params={"conversation_id": str},
)
"""What `beta_conversations_get` sends and expects back."""


def beta_conversations_get(
    session: Session,
    *,
    conversation_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BetaConversationsGetResponse, BetaConversationsGetError]:
    """Retrieve a conversation information.

    Given a conversation_id retrieve a conversation entity with its attributes.

    Args:
        conversation_id: ID of the conversation from which we are fetching metadata.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"conversation_id": conversation_id}, call=call)
