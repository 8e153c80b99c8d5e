from typing import Literal

import attrs

from ..types import Model
from .function import Function


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["function"] = "function"

    function: Function
