from typing import Any

FunctionCallEntryArguments = str | dict[str, Any]
