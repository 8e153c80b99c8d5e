"""List all libraries you have access to: GET /v1/libraries."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.list_library_out import ListLibraryOut
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesListError = CommonError

OPERATION = Operation(
    operation_id="libraries_list_v1",
    method="GET",
    path="/v1/libraries",
    ok={200: ListLibraryOut},
)
"""What `beta_libraries_list` sends and expects back."""


def beta_libraries_list(
    session: Session,
    *,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ListLibraryOut, BetaLibrariesListError]:
    """List all libraries you have access to.

    List all libraries that you have created or have been shared with you.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, call=call)
