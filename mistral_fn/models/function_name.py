import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionName(Model):
    """this restriction of `Function` is used to select a specific function to call"""

    _closed = True  # additionalProperties: false

    name: str
