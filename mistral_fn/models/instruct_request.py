from typing import Annotated, Any

import attrs

from ..types import Discriminator, Model
from .assistant_message import AssistantMessage
from .system_message import SystemMessage
from .tool_message import ToolMessage
from .user_message import UserMessage

InstructRequestMessages = Annotated[
    SystemMessage | UserMessage | AssistantMessage | ToolMessage | dict[str, Any],
    Discriminator(
        "role", {"assistant": AssistantMessage, "system": SystemMessage, "tool": ToolMessage, "user": UserMessage}
    ),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class InstructRequest(Model):
    _closed = True  # additionalProperties: false

    messages: list[InstructRequestMessages]
