import attrs

from ..types import Model
from .library_out import LibraryOut


@attrs.define(kw_only=True, eq=False, repr=False)
class ListLibraryOut(Model):
    data: list[LibraryOut]
