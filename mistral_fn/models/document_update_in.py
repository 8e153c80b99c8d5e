import datetime

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class DocumentUpdateIn(Model):
    name: str | None | Unset = UNSET

    attributes: (
        dict[str, bool | str | int | float | datetime.datetime | list[str] | list[int] | list[float] | list[bool]]
        | None
        | Unset
    ) = UNSET
