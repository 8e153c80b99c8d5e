from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .reference_chunk import ReferenceChunk
from .text_chunk import TextChunk


@attrs.define(kw_only=True, eq=False, repr=False)
class ThinkChunk(Model):
    _closed = True  # additionalProperties: false

    thinking: list[ReferenceChunk | TextChunk]

    closed: bool | Unset = UNSET
    """Whether the thinking chunk is closed or not. Currently only used for prefixing."""

    type: Literal["thinking"] = "thinking"
