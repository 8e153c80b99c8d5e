from .document_url_chunk import DocumentURLChunk
from .image_url_chunk import ImageURLChunk
from .text_chunk import TextChunk
from .think_chunk import ThinkChunk
from .tool_file_chunk import ToolFileChunk
from .tool_reference_chunk import ToolReferenceChunk

MessageOutputContentChunks = list[
    TextChunk | ImageURLChunk | ToolFileChunk | DocumentURLChunk | ThinkChunk | ToolReferenceChunk
]
