from typing import Literal

import attrs

from ..types import UNSET, Model, Unset

ArchiveFTModelOutObject = Literal["model"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ArchiveFTModelOut(Model):
    id: str

    object: ArchiveFTModelOutObject | str | Unset = UNSET

    archived: bool | Unset = UNSET
