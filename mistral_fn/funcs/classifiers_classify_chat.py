"""Chat Classifications: POST /v1/chat/classifications."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.chat_classification_request import ChatClassificationRequest
from ..models.classification_response import ClassificationResponse
from ..models.instruct_request import InstructRequest
from ..result import Result
from ..session import RetryConfig, Session

ClassifiersClassifyChatError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="chat_classifications_v1_chat_classifications_post",
    method="POST",
    path="/v1/chat/classifications",
    body=ChatClassificationRequest,
    ok={200: ClassificationResponse},
    errors={422: HTTPValidationError},
)
"""What `classifiers_classify_chat` sends and expects back."""


def classifiers_classify_chat(
    session: Session,
    *,
    model: str,
    input: InstructRequest | Sequence[InstructRequest | Mapping[str, Any]] | Mapping[str, Any],
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ClassificationResponse, ClassifiersClassifyChatError]:
    """Chat Classifications."""
    body = {"model": model, "input": input}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
