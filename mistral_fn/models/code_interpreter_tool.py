from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class CodeInterpreterTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["code_interpreter"] = "code_interpreter"
