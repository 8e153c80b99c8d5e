import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolExecutionDeltaEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["tool.execution.delta"] = "tool.execution.delta"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    name: BuiltInConnectors | str

    arguments: str
