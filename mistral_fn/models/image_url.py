import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ImageURL(Model):
    _closed = True  # additionalProperties: false

    url: str

    detail: str | None | Unset = UNSET
