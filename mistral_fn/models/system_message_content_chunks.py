from typing import Annotated, Any

from ..types import Discriminator
from .text_chunk import TextChunk
from .think_chunk import ThinkChunk

SystemMessageContentChunks = Annotated[
    TextChunk | ThinkChunk | dict[str, Any], Discriminator("type", {"text": TextChunk, "thinking": ThinkChunk})
]
