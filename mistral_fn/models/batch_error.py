import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True)
class BatchError(Model):
    message: str

    count: int | Unset = UNSET
