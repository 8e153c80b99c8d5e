"""Download File: GET /v1/files/{file_id}/content."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from .._runtime.streams import BinaryResponse
from ..errors import CommonError
from ..result import Result
from ..session import RetryConfig, Session

FilesDownloadError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_download_file",
    method="GET",
    path="/v1/files/{file_id}/content",
    ok={200: BinaryResponse},
    params={"file_id": str},
    accept="application/octet-stream",
)
"""What `files_download` sends and expects back."""


def files_download(
    session: Session,
    *,
    file_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[BinaryResponse, FilesDownloadError]:
    """Download File.

    Download a file
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"file_id": file_id}, call=call)
