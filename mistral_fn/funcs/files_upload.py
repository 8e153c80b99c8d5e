"""Upload File: POST /v1/files."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.file_purpose import FilePurpose
from ..models.files_upload_body import FilesUploadBody
from ..models.upload_file_out import UploadFileOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, FileInput, Unset

FilesUploadError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_upload_file",
    method="POST",
    path="/v1/files",
    body=FilesUploadBody,
    ok={200: UploadFileOut},
    files=frozenset({"file"}),
    creates=True,
)
"""What `files_upload` sends and expects back."""


def files_upload(
    session: Session,
    *,
    file: FileInput,
    purpose: FilePurpose | str | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[UploadFileOut, FilesUploadError]:
    """Upload File.

    Upload a file that can be used across various endpoints.

    The size of individual files can be a maximum of 512 MB. The Fine-tuning API only supports .jsonl files.

    Please contact us if you need to increase these storage limits.
    """
    body = {"purpose": purpose, "file": file}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
