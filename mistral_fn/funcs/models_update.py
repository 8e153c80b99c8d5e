"""Update Fine Tuned Model: PATCH /v1/fine_tuning/models/{model_id}."""

import threading
from collections.abc import Mapping
from typing import Annotated, Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.classifier_ft_model_out import ClassifierFTModelOut
from ..models.completion_ft_model_out import CompletionFTModelOut
from ..models.update_ft_model_in import UpdateFTModelIn
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Discriminator, Unset

ModelsUpdateResponse = Annotated[
    CompletionFTModelOut | ClassifierFTModelOut | dict[str, Any],
    Discriminator("model_type", {"classifier": ClassifierFTModelOut, "completion": CompletionFTModelOut}),
]

ModelsUpdateError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_fine_tuning_update_fine_tuned_model",
    method="PATCH",
    path="/v1/fine_tuning/models/{model_id}",
    body=UpdateFTModelIn,
    ok={200: ModelsUpdateResponse},
    params={"model_id": str},
)
"""What `models_update` sends and expects back."""


def models_update(
    session: Session,
    *,
    model_id: str,
    name: str | None | Unset = UNSET,
    description: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ModelsUpdateResponse, ModelsUpdateError]:
    """Update Fine Tuned Model.

    Update a model name or description.

    Args:
        model_id: The ID of the model to update.
    """
    body = {"name": name, "description": description}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"model_id": model_id}, body=body, call=call)
