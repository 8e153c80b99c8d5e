"""Upload a new document: POST /v1/libraries/{library_id}/documents."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.beta_libraries_documents_upload_body import BetaLibrariesDocumentsUploadBody
from ..models.document_out import DocumentOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import FileInput

BetaLibrariesDocumentsUploadError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_upload_v1",
    method="POST",
    path="/v1/libraries/{library_id}/documents",
    body=BetaLibrariesDocumentsUploadBody,
    ok={200: DocumentOut, 201: DocumentOut},
    errors={422: HTTPValidationError},
    files=frozenset({"file"}),
    params={"library_id": str},
    creates=True,
)
"""What `beta_libraries_documents_upload` sends and expects back."""


def beta_libraries_documents_upload(
    session: Session,
    *,
    library_id: str,
    file: FileInput,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[DocumentOut, BetaLibrariesDocumentsUploadError]:
    """Upload a new document.

    Given a library, upload a new document to that library. It is queued for processing, it status will change it
    has been processed. The processing has to be completed in order be discoverable for the library search
    """
    body = {"file": file}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, body=body, call=call)
