"""List all of the access to this library: GET /v1/libraries/{library_id}/share."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.list_sharing_out import ListSharingOut
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesAccessesListError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_share_list_v1",
    method="GET",
    path="/v1/libraries/{library_id}/share",
    ok={200: ListSharingOut},
    errors={422: HTTPValidationError},
    params={"library_id": str},
)
"""What `beta_libraries_accesses_list` sends and expects back."""


def beta_libraries_accesses_list(
    session: Session,
    *,
    library_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ListSharingOut, BetaLibrariesAccessesListError]:
    """List all of the access to this library.

    Given a library, list all of the Entity that have access and to what level.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, call=call)
