from typing import Any

ToolExecutionInfo = dict[str, Any]
