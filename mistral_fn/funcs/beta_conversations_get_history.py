"""Retrieve all entries in a conversation: GET /v1/conversations/{conversation_id}/history."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.conversation_history import ConversationHistory
from ..result import Result
from ..session import RetryConfig, Session

BetaConversationsGetHistoryError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_history",
    method="GET",
    path="/v1/conversations/{conversation_id}/history",
    ok={200: ConversationHistory},
    errors={422: HTTPValidationError},
    params={"conversation_id": str},
)
"""What `beta_conversations_get_history` sends and expects back."""


def beta_conversations_get_history(
    session: Session,
    *,
    conversation_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ConversationHistory, BetaConversationsGetHistoryError]:
    """Retrieve all entries in a conversation.

    Given a conversation_id retrieve all the entries belonging to that conversation. The entries are sorted in the
    order they were appended, those can be messages, connectors or function_call.

    Args:
        conversation_id: ID of the conversation from which we are fetching entries.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"conversation_id": conversation_id}, call=call)
