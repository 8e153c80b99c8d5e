"""Delete Model: DELETE /v1/models/{model_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.delete_model_out import DeleteModelOut
from ..result import Result
from ..session import RetryConfig, Session

ModelsDeleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="delete_model_v1_models__model_id__delete",
    method="DELETE",
    path="/v1/models/{model_id}",
    ok={200: DeleteModelOut},
    errors={422: HTTPValidationError},
    params={"model_id": str},
)
"""What `models_delete` sends and expects back."""


def models_delete(
    session: Session,
    *,
    model_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[DeleteModelOut, ModelsDeleteError]:
    """Delete Model.

    Delete a fine-tuned model.

    Args:
        model_id: The ID of the model to delete.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"model_id": model_id}, call=call)
