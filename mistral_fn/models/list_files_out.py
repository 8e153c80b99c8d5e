import attrs

from ..types import UNSET, Model, Unset
from .file_schema import FileSchema


@attrs.define(kw_only=True, eq=False, repr=False)
class ListFilesOut(Model):
    data: list[FileSchema]

    object: str

    total: int | None | Unset = UNSET
