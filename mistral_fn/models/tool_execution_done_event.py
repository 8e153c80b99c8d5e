import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors
from .tool_execution_info import ToolExecutionInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolExecutionDoneEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["tool.execution.done"] = "tool.execution.done"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    name: BuiltInConnectors | str

    info: ToolExecutionInfo | Unset = UNSET
