"""List Models: GET /v1/models."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.model_list import ModelList
from ..result import Result
from ..session import RetryConfig, Session

ModelsListError = CommonError

OPERATION = Operation(
    operation_id="list_models_v1_models_get",
    method="GET",
    path="/v1/models",
    ok={200: ModelList},
)
"""What `models_list` sends and expects back."""


def models_list(
    session: Session,
    *,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ModelList, ModelsListError]:
    """List Models.

    List all models available to the user.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, call=call)
