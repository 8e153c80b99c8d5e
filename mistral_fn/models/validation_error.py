import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class ValidationError(Model):
    loc: list[str | int]

    msg: str

    type: str
