from typing import Annotated, Any

from ..types import Discriminator
from .audio_chunk import AudioChunk
from .document_url_chunk import DocumentURLChunk
from .file_chunk import FileChunk
from .image_url_chunk import ImageURLChunk
from .reference_chunk import ReferenceChunk
from .text_chunk import TextChunk
from .think_chunk import ThinkChunk

ContentChunk = Annotated[
    TextChunk
    | ImageURLChunk
    | DocumentURLChunk
    | ReferenceChunk
    | FileChunk
    | ThinkChunk
    | AudioChunk
    | dict[str, Any],
    Discriminator(
        "type",
        {
            "image_url": ImageURLChunk,
            "document_url": DocumentURLChunk,
            "text": TextChunk,
            "reference": ReferenceChunk,
            "file": FileChunk,
            "thinking": ThinkChunk,
            "input_audio": AudioChunk,
        },
    ),
]
