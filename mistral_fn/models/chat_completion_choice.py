from typing import Literal

import attrs

from ..types import Model
from .assistant_message import AssistantMessage

ChatCompletionChoiceFinishReason = Literal["stop", "length", "model_length", "error", "tool_calls"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ChatCompletionChoice(Model):
    index: int

    message: AssistantMessage

    finish_reason: ChatCompletionChoiceFinishReason | str
