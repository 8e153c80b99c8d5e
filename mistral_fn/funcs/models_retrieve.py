"""Retrieve Model: GET /v1/models/{model_id}."""

import threading
from collections.abc import Mapping
from typing import Annotated, Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.base_model_card import BaseModelCard
from ..models.ft_model_card import FTModelCard
from ..result import Result
from ..session import RetryConfig, Session
from ..types import Discriminator

ModelsRetrieveResponse = Annotated[
    BaseModelCard | FTModelCard | dict[str, Any],
    Discriminator("type", {"base": BaseModelCard, "fine-tuned": FTModelCard}),
]

ModelsRetrieveError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="retrieve_model_v1_models__model_id__get",
    method="GET",
    path="/v1/models/{model_id}",
    ok={200: ModelsRetrieveResponse},
    errors={422: HTTPValidationError},
    params={"model_id": str},
)
"""What `models_retrieve` sends and expects back."""


def models_retrieve(
    session: Session,
    *,
    model_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ModelsRetrieveResponse, ModelsRetrieveError]:
    """Retrieve Model.

    Retrieve information about a model.

    Args:
        model_id: The ID of the model to retrieve.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"model_id": model_id}, call=call)
