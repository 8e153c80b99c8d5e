import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class BatchError(Model):
    message: str

    count: int | Unset = UNSET
