"""Retrieve File: GET /v1/files/{file_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.retrieve_file_out import RetrieveFileOut
from ..result import Result
from ..session import RetryConfig, Session

FilesRetrieveError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_retrieve_file",
    method="GET",
    path="/v1/files/{file_id}",
    ok={200: RetrieveFileOut},
    params={"file_id": str},
)
"""What `files_retrieve` sends and expects back."""


def files_retrieve(
    session: Session,
    *,
    file_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[RetrieveFileOut, FilesRetrieveError]:
    """Retrieve File.

    Returns information about a specific file.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"file_id": file_id}, call=call)
