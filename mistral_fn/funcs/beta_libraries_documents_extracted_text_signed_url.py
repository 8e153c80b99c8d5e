"""Retrieve the signed URL of text extracted from a given document: GET
/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url.
"""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsExtractedTextSignedUrlError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_get_extracted_text_signed_url_v1",
    method="GET",
    path="/v1/libraries/{library_id}/documents/{document_id}/extracted-text-signed-url",
    ok={200: str},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_extracted_text_signed_url` sends and expects back."""


def beta_libraries_documents_extracted_text_signed_url(
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
) -> Result[str, BetaLibrariesDocumentsExtractedTextSignedUrlError]:
    """Retrieve the signed URL of text extracted from a given document.

    Given a library and a document in that library, retrieve the signed URL of text extracted. For documents that
    are sent to the OCR this returns the result of the OCR queries.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
