"""Create a new Library: POST /v1/libraries."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.library_in import LibraryIn
from ..models.library_out import LibraryOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesCreateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_create_v1",
    method="POST",
    path="/v1/libraries",
    body=LibraryIn,
    ok={201: LibraryOut},
    errors={422: HTTPValidationError},
    creates=True,
)
"""What `beta_libraries_create` sends and expects back."""


def beta_libraries_create(
    session: Session,
    *,
    name: str,
    description: str | None | Unset = UNSET,
    chunk_size: int | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[LibraryOut, BetaLibrariesCreateError]:
    """Create a new Library.

    Create a new Library, you will be marked as the owner and only you will have the possibility to share it with
    others. When first created this will only be accessible by you.
    """
    body = {"name": name, "description": description, "chunk_size": chunk_size}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
