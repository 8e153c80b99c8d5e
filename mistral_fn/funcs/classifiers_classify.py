"""Classifications: POST /v1/classifications."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.classification_request import ClassificationRequest
from ..models.classification_response import ClassificationResponse
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

ClassifiersClassifyError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="classifications_v1_classifications_post",
    method="POST",
    path="/v1/classifications",
    body=ClassificationRequest,
    ok={200: ClassificationResponse},
    errors={422: HTTPValidationError},
)
"""What `classifiers_classify` sends and expects back."""


def classifiers_classify(
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
) -> Result[ClassificationResponse, ClassifiersClassifyError]:
    """Classifications.

    Args:
        model: ID of the model to use.
        input: Text to classify.
    """
    body = {"model": model, "metadata": metadata, "input": input}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
