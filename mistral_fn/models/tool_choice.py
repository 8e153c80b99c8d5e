import attrs

from ..types import UNSET, Model, Unset
from .function_name import FunctionName
from .tool_types import ToolTypes


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolChoice(Model):
    """ToolChoice is either a ToolChoiceEnum or a ToolChoice"""

    _closed = True  # additionalProperties: false

    type: ToolTypes | str | Unset = UNSET

    function: FunctionName
