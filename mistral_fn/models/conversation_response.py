from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .agent_handoff_entry import AgentHandoffEntry
from .conversation_usage_info import ConversationUsageInfo
from .function_call_entry import FunctionCallEntry
from .message_output_entry import MessageOutputEntry
from .tool_execution_entry import ToolExecutionEntry

ConversationResponseObject = Literal["conversation.response"]

ConversationResponseOutputs = MessageOutputEntry | ToolExecutionEntry | FunctionCallEntry | AgentHandoffEntry


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationResponse(Model):
    """The response after appending new entries to the conversation."""

    _closed = True  # additionalProperties: false

    object: ConversationResponseObject | str | Unset = UNSET

    conversation_id: str

    outputs: list[ConversationResponseOutputs]

    usage: ConversationUsageInfo
