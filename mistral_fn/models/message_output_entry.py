import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .message_output_content_chunks import MessageOutputContentChunks


@attrs.define(kw_only=True, eq=False, repr=False)
class MessageOutputEntry(Model):
    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["message.output"] = "message.output"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    agent_id: str | None | Unset = UNSET

    model: str | None | Unset = UNSET

    role: Literal["assistant"] = "assistant"

    content: str | MessageOutputContentChunks
