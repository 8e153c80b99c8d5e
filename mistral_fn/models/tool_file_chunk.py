from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolFileChunk(Model):
    _closed = True  # additionalProperties: false

    type: Literal["tool_file"] = "tool_file"

    tool: BuiltInConnectors | str

    file_id: str

    file_name: str | None | Unset = UNSET

    file_type: str | None | Unset = UNSET
