import attrs

from ..types import Model


@attrs.define(kw_only=True)
class ValidationError(Model):
    loc: list[str | int]

    msg: str

    type: str
