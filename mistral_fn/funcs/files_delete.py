"""Delete File: DELETE /v1/files/{file_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.delete_file_out import DeleteFileOut
from ..result import Result
from ..session import RetryConfig, Session

FilesDeleteError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_delete_file",
    method="DELETE",
    path="/v1/files/{file_id}",
    ok={200: DeleteFileOut},
    params={"file_id": str},
)
"""What `files_delete` sends and expects back."""


def files_delete(
    session: Session,
    *,
    file_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[DeleteFileOut, FilesDeleteError]:
    """Delete File.

    Delete a file.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"file_id": file_id}, call=call)
