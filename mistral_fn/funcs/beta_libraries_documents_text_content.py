"""Retrieve the text content of a specific document: GET
/v1/libraries/{library_id}/documents/{document_id}/text_content.
"""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.document_text_content import DocumentTextContent
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesDocumentsTextContentError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_get_text_content_v1",
    method="GET",
    path="/v1/libraries/{library_id}/documents/{document_id}/text_content",
    ok={200: DocumentTextContent},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_text_content` sends and expects back."""


def beta_libraries_documents_text_content(
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
) -> Result[DocumentTextContent, BetaLibrariesDocumentsTextContentError]:
    """Retrieve the text content of a specific document.

    Given a library and a document in that library, you can retrieve the text content of that document if it exists.
    For documents like pdf, docx and pptx the text content results from our processing using Mistral OCR.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, call=call)
