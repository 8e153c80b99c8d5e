"""Update a library: PUT /v1/libraries/{library_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.library_in_update import LibraryInUpdate
from ..models.library_out import LibraryOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesUpdateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_update_v1",
    method="PUT",
    path="/v1/libraries/{library_id}",
    body=LibraryInUpdate,
    ok={200: LibraryOut},
    errors={422: HTTPValidationError},
    params={"library_id": str},
)
"""What `beta_libraries_update` sends and expects back."""


def beta_libraries_update(
    session: Session,
    *,
    library_id: str,
    name: str | None | Unset = UNSET,
    description: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[LibraryOut, BetaLibrariesUpdateError]:
    """Update a library.

    Given a library id, you can update the name and description.
    """
    body = {"name": name, "description": description}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, body=body, call=call)
