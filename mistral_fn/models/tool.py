import attrs

from ..types import UNSET, Model, Unset
from .function import Function
from .tool_types import ToolTypes


@attrs.define(kw_only=True, eq=False, repr=False)
class Tool(Model):
    _closed = True  # additionalProperties: false

    type: ToolTypes | str | Unset = UNSET

    function: Function
