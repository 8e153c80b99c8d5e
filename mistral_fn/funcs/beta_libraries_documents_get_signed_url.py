"""Retrieve the signed URL of a specific document: GET
/v1/libraries/{library_id}/documents/{document_id}/signed-url.
"""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsGetSignedUrlError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_get_signed_url_v1",
    method="GET",
    path="/v1/libraries/{library_id}/documents/{document_id}/signed-url",
    ok={200: str},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_get_signed_url` sends and expects back."""


def beta_libraries_documents_get_signed_url(
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
) -> Result[str, BetaLibrariesDocumentsGetSignedUrlError]:
    """Retrieve the signed URL of a specific document.

    Given a library and a document in that library, retrieve the signed URL of a specific document.The url will
    expire after 30 minutes and can be accessed by anyone with the link.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
