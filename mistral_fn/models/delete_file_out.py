import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class DeleteFileOut(Model):
    id: str
    """The ID of the deleted file."""

    object: str
    """The object type that was deleted"""

    deleted: bool
    """The deletion status."""
