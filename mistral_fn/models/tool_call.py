import attrs

from ..types import UNSET, Model, Unset
from .function_call import FunctionCall
from .tool_types import ToolTypes


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolCall(Model):
    _closed = True  # additionalProperties: false

    id: str | Unset = UNSET

    type: ToolTypes | str | Unset = UNSET

    function: FunctionCall

    index: int | Unset = UNSET
