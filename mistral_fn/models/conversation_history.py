from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .agent_handoff_entry import AgentHandoffEntry
from .function_call_entry import FunctionCallEntry
from .function_result_entry import FunctionResultEntry
from .message_input_entry import MessageInputEntry
from .message_output_entry import MessageOutputEntry
from .tool_execution_entry import ToolExecutionEntry

ConversationHistoryObject = Literal["conversation.history"]

ConversationHistoryEntries = (
    MessageInputEntry
    | MessageOutputEntry
    | FunctionResultEntry
    | FunctionCallEntry
    | ToolExecutionEntry
    | AgentHandoffEntry
)


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationHistory(Model):
    """Retrieve all entries in a conversation."""

    _closed = True  # additionalProperties: false

    object: ConversationHistoryObject | str | Unset = UNSET

    conversation_id: str

    entries: list[ConversationHistoryEntries]
