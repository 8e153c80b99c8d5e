import attrs

from ..types import UNSET, Model, Unset
from .entity_type import EntityType
from .share_enum import ShareEnum


@attrs.define(kw_only=True, eq=False, repr=False)
class SharingIn(Model):
    org_id: str | None | Unset = UNSET

    level: ShareEnum | str

    share_with_uuid: str
    """The id of the entity (user, workspace or organization) to share with"""

    share_with_type: EntityType | str
