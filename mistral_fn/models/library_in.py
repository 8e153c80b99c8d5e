import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True)
class LibraryIn(Model):
    name: str

    description: str | None | Unset = UNSET

    chunk_size: int | None | Unset = UNSET
