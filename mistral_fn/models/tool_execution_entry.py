import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors
from .tool_execution_info import ToolExecutionInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolExecutionEntry(Model):
    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["tool.execution"] = "tool.execution"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    name: BuiltInConnectors | str

    arguments: str

    info: ToolExecutionInfo | Unset = UNSET
