from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .document_url_chunk import DocumentURLChunk
from .file_chunk import FileChunk
from .image_url_chunk import ImageURLChunk
from .response_format import ResponseFormat

OCRRequestDocument = FileChunk | DocumentURLChunk | ImageURLChunk

OCRRequestTableFormat = Literal["markdown", "html"]


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRRequest(Model):
    _closed = True  # additionalProperties: false

    model: str | None

    id: str | Unset = UNSET

    document: OCRRequestDocument
    """Document to run OCR on"""

    pages: list[int] | None | Unset = UNSET
    """Specific pages user wants to process in various formats: single number, range, or list of both. Starts from 0"""

    include_image_base64: bool | None | Unset = UNSET
    """Include image URLs in response"""

    image_limit: int | None | Unset = UNSET
    """Max images to extract"""

    image_min_size: int | None | Unset = UNSET
    """Minimum height and width of image to extract"""

    bbox_annotation_format: ResponseFormat | None | Unset = UNSET
    """Structured output class for extracting useful information from each extracted bounding box / image from
    document. Only json_schema is valid for this field
    """

    document_annotation_format: ResponseFormat | None | Unset = UNSET
    """Structured output class for extracting useful information from the entire document. Only json_schema is valid
    for this field
    """

    document_annotation_prompt: str | None | Unset = UNSET
    """Optional prompt to guide the model in extracting structured output from the entire document. A
    document_annotation_format must be provided.
    """

    table_format: OCRRequestTableFormat | str | None | Unset = UNSET

    extract_header: bool | Unset = UNSET

    extract_footer: bool | Unset = UNSET
