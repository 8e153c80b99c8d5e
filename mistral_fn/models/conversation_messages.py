from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .message_entries import MessageEntries

ConversationMessagesObject = Literal["conversation.messages"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationMessages(Model):
    """Similar to the conversation history but only keep the messages"""

    _closed = True  # additionalProperties: false

    object: ConversationMessagesObject | str | Unset = UNSET

    conversation_id: str

    messages: MessageEntries
