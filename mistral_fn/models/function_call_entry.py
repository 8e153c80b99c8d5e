import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .function_call_entry_arguments import FunctionCallEntryArguments


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionCallEntry(Model):
    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["function.call"] = "function.call"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    tool_call_id: str

    name: str

    arguments: FunctionCallEntryArguments
