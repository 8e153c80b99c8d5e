"""Delete a conversation: DELETE /v1/conversations/{conversation_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaConversationsDeleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_delete",
    method="DELETE",
    path="/v1/conversations/{conversation_id}",
    ok={204: None},
    errors={422: HTTPValidationError},
    params={"conversation_id": str},
)
"""What `beta_conversations_delete` sends and expects back."""


def beta_conversations_delete(
    session: Session,
    *,
    conversation_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[None, BetaConversationsDeleteError]:
    """Delete a conversation.

    Delete a conversation given a conversation_id.

    Args:
        conversation_id: ID of the conversation from which we are fetching metadata.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"conversation_id": conversation_id}, call=call)
