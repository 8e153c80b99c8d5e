import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class DeleteModelOut(Model):
    id: str
    """The ID of the deleted model."""

    object: str | Unset = UNSET
    """The object type that was deleted"""

    deleted: bool | Unset = UNSET
    """The deletion status"""
