from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .content_chunk import ContentChunk
from .tool_call import ToolCall


@attrs.define(kw_only=True, eq=False, repr=False)
class AssistantMessage(Model):
    _closed = True  # additionalProperties: false

    content: str | list[ContentChunk] | None | Unset = UNSET

    tool_calls: list[ToolCall] | None | Unset = UNSET

    prefix: bool | Unset = UNSET
    """Set this to `true` when adding an assistant message as prefix to condition the model response. The role of
    the prefix message is to force the model to start its answer by the content of the message.
    """

    role: Literal["assistant"] = "assistant"
