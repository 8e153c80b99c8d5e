"""Moderations: POST /v1/moderations."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.classification_request import ClassificationRequest
from ..models.moderation_response import ModerationResponse
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

ClassifiersModerateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="moderations_v1_moderations_post",
    method="POST",
    path="/v1/moderations",
    body=ClassificationRequest,
    ok={200: ModerationResponse},
    errors={422: HTTPValidationError},
)
"""What `classifiers_moderate` sends and expects back."""


def classifiers_moderate(
    session: Session,
    *,
    model: str,
    input: str | Sequence[str],
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ModerationResponse, ClassifiersModerateError]:
    """Moderations.

    Args:
        model: ID of the model to use.
        input: Text to classify.
    """
    body = {"model": model, "metadata": metadata, "input": input}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
