"""Archive Fine Tuned Model: POST /v1/fine_tuning/models/{model_id}/archive."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.archive_ft_model_out import ArchiveFTModelOut
from ..result import Result
from ..session import RetryConfig, Session

ModelsArchiveError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_fine_tuning_archive_fine_tuned_model",
    method="POST",
    path="/v1/fine_tuning/models/{model_id}/archive",
    ok={200: ArchiveFTModelOut},
    params={"model_id": str},
)
"""What `models_archive` sends and expects back."""


def models_archive(
    session: Session,
    *,
    model_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ArchiveFTModelOut, ModelsArchiveError]:
    """Archive Fine Tuned Model.

    Archive a fine-tuned model.

    Args:
        model_id: The ID of the model to archive.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"model_id": model_id}, call=call)
