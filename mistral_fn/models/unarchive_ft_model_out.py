from typing import Literal

import attrs

from ..types import UNSET, Model, Unset

UnarchiveFTModelOutObject = Literal["model"]


@attrs.define(kw_only=True, eq=False, repr=False)
class UnarchiveFTModelOut(Model):
    id: str

    object: UnarchiveFTModelOutObject | str | Unset = UNSET

    archived: bool | Unset = UNSET
