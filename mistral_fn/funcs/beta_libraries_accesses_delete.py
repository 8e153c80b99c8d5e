"""Delete an access level: DELETE /v1/libraries/{library_id}/share."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.entity_type import EntityType
from ..models.sharing_delete import SharingDelete
from ..models.sharing_out import SharingOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesAccessesDeleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_share_delete_v1",
    method="DELETE",
    path="/v1/libraries/{library_id}/share",
    body=SharingDelete,
    ok={200: SharingOut},
    errors={422: HTTPValidationError},
    params={"library_id": str},
)
"""What `beta_libraries_accesses_delete` sends and expects back."""


def beta_libraries_accesses_delete(
    session: Session,
    *,
    library_id: str,
    share_with_uuid: str,
    share_with_type: EntityType | str,
    org_id: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[SharingOut, BetaLibrariesAccessesDeleteError]:
    """Delete an access level.

    Given a library id, you can delete the access level of an entity. An owner cannot delete it's own access. You
    have to be the owner of the library to delete an acces other than yours.

    Args:
        share_with_uuid: The id of the entity (user, workspace or organization) to share with
    """
    body = {"org_id": org_id, "share_with_uuid": share_with_uuid, "share_with_type": share_with_type}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, body=body, call=call)
