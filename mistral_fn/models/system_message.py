from typing import Literal

import attrs

from ..types import Model
from .system_message_content_chunks import SystemMessageContentChunks


@attrs.define(kw_only=True, eq=False, repr=False)
class SystemMessage(Model):
    _closed = True  # additionalProperties: false

    content: str | list[SystemMessageContentChunks]

    role: Literal["system"] = "system"
