"""Reprocess a document: POST /v1/libraries/{library_id}/documents/{document_id}/reprocess."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsReprocessError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_reprocess_v1",
    method="POST",
    path="/v1/libraries/{library_id}/documents/{document_id}/reprocess",
    ok={204: None},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_reprocess` sends and expects back."""


def beta_libraries_documents_reprocess(
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
) -> Result[None, BetaLibrariesDocumentsReprocessError]:
    """Reprocess a document.

    Given a library and a document in that library, reprocess that document, it will be billed again.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
