import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionResultEntry(Model):
    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["function.result"] = "function.result"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    tool_call_id: str

    result: str
