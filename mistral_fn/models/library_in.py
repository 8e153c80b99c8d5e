import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class LibraryIn(Model):
    name: str

    description: str | None | Unset = UNSET

    chunk_size: int | None | Unset = UNSET
