"""Detailed information about a specific Library: GET /v1/libraries/{library_id}."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.library_out import LibraryOut
from ..result import Result
from ..session import RetryConfig, Session

BetaLibrariesGetError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_get_v1",
    method="GET",
    path="/v1/libraries/{library_id}",
    ok={200: LibraryOut},
    errors={422: HTTPValidationError},
    params={"library_id": str},
)
"""What `beta_libraries_get` sends and expects back."""


def beta_libraries_get(
    session: Session,
    *,
    library_id: str,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[LibraryOut, BetaLibrariesGetError]:
    """Detailed information about a specific Library.

    Given a library id, details information about that Library.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, call=call)
