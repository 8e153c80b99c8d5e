from typing import Literal

ToolChoiceEnum = Literal["auto", "none", "any", "required"]
