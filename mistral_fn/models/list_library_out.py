import attrs

from ..types import Model
from .library_out import LibraryOut


@attrs.define(kw_only=True)
class ListLibraryOut(Model):
    data: list[LibraryOut]
