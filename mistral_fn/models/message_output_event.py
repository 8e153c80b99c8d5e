import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .output_content_chunks import OutputContentChunks


@attrs.define(kw_only=True, eq=False, repr=False)
class MessageOutputEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["message.output.delta"] = "message.output.delta"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    content_index: int | Unset = UNSET

    model: str | None | Unset = UNSET

    agent_id: str | None | Unset = UNSET

    role: Literal["assistant"] = "assistant"

    content: str | OutputContentChunks
