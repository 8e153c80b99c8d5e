"""Get Signed Url: GET /v1/files/{file_id}/url."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.file_signed_url import FileSignedURL
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

FilesGetSignedUrlError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_get_signed_url",
    method="GET",
    path="/v1/files/{file_id}/url",
    ok={200: FileSignedURL},
    params={"file_id": str, "expiry": int | Unset},
)
"""What `files_get_signed_url` sends and expects back."""


def files_get_signed_url(
    session: Session,
    *,
    file_id: str,
    expiry: int | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[FileSignedURL, FilesGetSignedUrlError]:
    """Get Signed Url.

    Args:
        expiry: Number of hours before the url becomes invalid. Defaults to 24h. Default: 24.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"file_id": file_id}, query={"expiry": expiry}, call=call)
