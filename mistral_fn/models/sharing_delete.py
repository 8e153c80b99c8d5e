import attrs

from ..types import UNSET, Model, Unset
from .entity_type import EntityType


@attrs.define(kw_only=True, eq=False, repr=False)
class SharingDelete(Model):
    org_id: str | None | Unset = UNSET

    share_with_uuid: str
    """The id of the entity (user, workspace or organization) to share with"""

    share_with_type: EntityType | str
