from typing import Literal

import attrs

from ..types import Model
from .content_chunk import ContentChunk


@attrs.define(kw_only=True, eq=False, repr=False)
class UserMessage(Model):
    _closed = True  # additionalProperties: false

    content: str | list[ContentChunk] | None

    role: Literal["user"] = "user"
