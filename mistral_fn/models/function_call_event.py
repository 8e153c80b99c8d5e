import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionCallEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["function.call.delta"] = "function.call.delta"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    name: str

    tool_call_id: str

    arguments: str
