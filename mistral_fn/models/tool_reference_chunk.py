from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .built_in_connectors import BuiltInConnectors


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolReferenceChunk(Model):
    _closed = True  # additionalProperties: false

    type: Literal["tool_reference"] = "tool_reference"

    tool: BuiltInConnectors | str

    title: str

    url: str | None | Unset = UNSET

    favicon: str | None | Unset = UNSET

    description: str | None | Unset = UNSET
