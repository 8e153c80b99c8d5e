from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .content_chunk import ContentChunk


@attrs.define(kw_only=True, eq=False, repr=False)
class ToolMessage(Model):
    _closed = True  # additionalProperties: false

    content: str | list[ContentChunk] | None

    tool_call_id: str | None | Unset = UNSET

    name: str | None | Unset = UNSET

    role: Literal["tool"] = "tool"
