import attrs

from ..types import UNSET, Model, Unset
from .content_chunk import ContentChunk
from .tool_call import ToolCall


@attrs.define(kw_only=True, eq=False, repr=False)
class DeltaMessage(Model):
    role: str | None | Unset = UNSET

    content: str | list[ContentChunk] | None | Unset = UNSET

    tool_calls: list[ToolCall] | None | Unset = UNSET
