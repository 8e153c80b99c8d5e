"""Retrieve all messages in a conversation: GET /v1/conversations/{conversation_id}/messages."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.conversation_messages import ConversationMessages
from ..result import Result
from ..session import RetryConfig, Session

BetaConversationsGetMessagesError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_messages",
    method="GET",
    path="/v1/conversations/{conversation_id}/messages",
    ok={200: ConversationMessages},
    errors={422: HTTPValidationError},
    params={"conversation_id": str},
)
"""What `beta_conversations_get_messages` sends and expects back."""


def beta_conversations_get_messages(
    session: Session,
    *,
    conversation_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ConversationMessages, BetaConversationsGetMessagesError]:
    """Retrieve all messages in a conversation.

    Given a conversation_id retrieve all the messages belonging to that conversation. This is similar to retrieving
    all entries except we filter the messages only.

    Args:
        conversation_id: ID of the conversation from which we are fetching messages.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"conversation_id": conversation_id}, call=call)
