import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .message_input_content_chunks import MessageInputContentChunks

MessageInputEntryRole = Literal["assistant", "user"]


@attrs.define(kw_only=True, eq=False, repr=False)
class MessageInputEntry(Model):
    """Representation of an input message inside the conversation."""

    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["message.input"] = "message.input"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    role: MessageInputEntryRole | str

    content: str | MessageInputContentChunks

    prefix: bool | Unset = UNSET
