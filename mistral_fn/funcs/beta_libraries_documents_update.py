"""Update the metadata of a specific document: PUT /v1/libraries/{library_id}/documents/{document_id}."""

import datetime
import threading
from collections.abc import Mapping, Sequence

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.document_out import DocumentOut
from ..models.document_update_in import DocumentUpdateIn
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesDocumentsUpdateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_update_v1",
    method="PUT",
    path="/v1/libraries/{library_id}/documents/{document_id}",
    body=DocumentUpdateIn,
    ok={200: DocumentOut},
    errors={422: HTTPValidationError},
    params={"library_id": str, "document_id": str},
)
"""What `beta_libraries_documents_update` sends and expects back."""


def beta_libraries_documents_update(
    session: Session,
    *,
    library_id: str,
    document_id: str,
    name: str | None | Unset = UNSET,
    attributes: Mapping[
        str,
        bool | str | int | float | datetime.datetime | Sequence[str] | Sequence[int] | Sequence[float] | Sequence[bool],
    ]
    | None
    | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[DocumentOut, BetaLibrariesDocumentsUpdateError]:
    """Update the metadata of a specific document.

    Given a library and a document in that library, update the name of that document.
    """
    body = {"name": name, "attributes": attributes}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id, "document_id": document_id}, body=body, call=call)
