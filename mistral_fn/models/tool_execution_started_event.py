import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolExecutionStartedEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["tool.execution.started"] = "tool.execution.started"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    name: BuiltInConnectors | str

    arguments: str
