"""Create or update an access level: PUT /v1/libraries/{library_id}/share."""

import threading
from collections.abc import Mapping

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.entity_type import EntityType
from ..models.share_enum import ShareEnum
from ..models.sharing_in import SharingIn
from ..models.sharing_out import SharingOut
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaLibrariesAccessesUpdateOrCreateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="libraries_share_create_v1",
    method="PUT",
    path="/v1/libraries/{library_id}/share",
    body=SharingIn,
    ok={200: SharingOut},
    errors={422: HTTPValidationError},
    params={"library_id": str},
    creates=True,
)
"""What `beta_libraries_accesses_update_or_create` sends and expects back."""


def beta_libraries_accesses_update_or_create(
    session: Session,
    *,
    library_id: str,
    level: ShareEnum | str,
    share_with_uuid: str,
    share_with_type: EntityType | str,
    org_id: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[SharingOut, BetaLibrariesAccessesUpdateOrCreateError]:
    """Create or update an access level.

    Given a library id, you can create or update the access level of an entity. You have to be owner of the library
    to share a library. An owner cannot change their own role. A library cannot be shared outside of the
    organization.

    Args:
        share_with_uuid: The id of the entity (user, workspace or organization) to share with
    """
    body = {"org_id": org_id, "level": level, "share_with_uuid": share_with_uuid, "share_with_type": share_with_type}
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"library_id": library_id}, body=body, call=call)
