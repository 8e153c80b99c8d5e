from typing import Literal

import attrs

from ..types import Model
from .system_message_content_chunks import SystemMessageContentChunks


@attrs.define(kw_only=True)
class SystemMessage(Model):
    _closed = True  # additionalProperties: false

    content: str | list[SystemMessageContentChunks]

    role: Literal["system"] = "system"
