"""Chat Moderations: POST /v1/chat/moderations."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.chat_moderation_request import ChatModerationRequest, ChatModerationRequestInput
from ..models.moderation_response import ModerationResponse
from ..result import Result
from ..session import RetryConfig, Session

ClassifiersModerateChatInput = (
    Sequence[ChatModerationRequestInput | Mapping[str, Any]]
    | Sequence[Sequence[ChatModerationRequestInput | Mapping[str, Any]]]
)

ClassifiersModerateChatError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="chat_moderations_v1_chat_moderations_post",
    method="POST",
    path="/v1/chat/moderations",
    body=ChatModerationRequest,
    ok={200: ModerationResponse},
    errors={422: HTTPValidationError},
)
"""What `classifiers_moderate_chat` sends and expects back."""


def classifiers_moderate_chat(
    session: Session,
    *,
    input: ClassifiersModerateChatInput,
    model: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ModerationResponse, ClassifiersModerateChatError]:
    """Chat Moderations.

    Args:
        input: Chat to classify
    """
    body = {"input": input, "model": model}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
