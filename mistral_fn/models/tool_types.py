from typing import Literal

ToolTypes = Literal["function"]
