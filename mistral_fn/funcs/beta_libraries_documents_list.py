"""List documents in a given library: GET /v1/libraries/{library_id}/documents."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.list_document_out import ListDocumentOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesDocumentsListError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_documents_list_v1",
    method="GET",
    path="/v1/libraries/{library_id}/documents",
    ok={200: ListDocumentOut},
    errors={422: HTTPValidationError},
    params={
        "library_id": str,
        "search": str | Unset,
        "page_size": int | Unset,
        "page": int | Unset,
        "filters_attributes": str | Unset,
        "sort_by": str | Unset,
        "sort_order": str | Unset,
    },
    pages=Pages(items="data", total="pagination.total_items", page_size=100),
)
"""What `beta_libraries_documents_list` sends and expects back."""


def beta_libraries_documents_list(
    session: Session,
    *,
    library_id: str,
    search: str | None | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page: int | Unset = UNSET,
    filters_attributes: str | None | Unset = UNSET,
    sort_by: str | Unset = UNSET,
    sort_order: str | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ListDocumentOut, BetaLibrariesDocumentsListError]:
    """List documents in a given library.

    Given a library, lists the document that have been uploaded to that library.

    Args:
        page_size: Default: 100.
        page: Default: 0.
        sort_by: Default: "created_at".
        sort_order: Default: "desc".
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session,
        OPERATION,
        path={"library_id": library_id},
        query={
            "search": search,
            "page_size": page_size,
            "page": page,
            "filters_attributes": filters_attributes,
            "sort_by": sort_by,
            "sort_order": sort_order,
        },
        call=call,
    )
