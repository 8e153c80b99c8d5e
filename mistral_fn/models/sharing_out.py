import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class SharingOut(Model):
    library_id: str

    user_id: str | None | Unset = UNSET

    org_id: str

    role: str

    share_with_type: str

    share_with_uuid: str | None
