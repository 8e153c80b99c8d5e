"""Retrieve the metadata of a specific document: GET /v1/libraries/{library_id}/documents/{document_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.document_out import DocumentOut
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsGetError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_get_v1",
    method="GET",
    path="/v1/libraries/{library_id}/documents/{document_id}",
    ok={200: DocumentOut},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_get` sends and expects back."""


def beta_libraries_documents_get(
    session: Session,
    *,
    library_id: str,
    document_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[DocumentOut, BetaLibrariesDocumentsGetError]:
    """Retrieve the metadata of a specific document.

    Given a library and a document in this library, you can retrieve the metadata of that document.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
