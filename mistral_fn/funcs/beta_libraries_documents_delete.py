"""Delete a document: DELETE /v1/libraries/{library_id}/documents/{document_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsDeleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_delete_v1",
    method="DELETE",
    path="/v1/libraries/{library_id}/documents/{document_id}",
    ok={204: None},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_delete` sends and expects back."""


def beta_libraries_documents_delete(
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
) -> Result[None, BetaLibrariesDocumentsDeleteError]:
    """Delete a document.

    Given a library and a document in that library, delete that document. The document will be deleted from the
    library and the search index.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
