import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class UpdateFTModelIn(Model):
    name: str | None | Unset = UNSET

    description: str | None | Unset = UNSET
