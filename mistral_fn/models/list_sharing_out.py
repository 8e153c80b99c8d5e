import attrs

from ..types import Model
from .sharing_out import SharingOut


@attrs.define(kw_only=True, eq=False, repr=False)
class ListSharingOut(Model):
    data: list[SharingOut]
