import attrs

from ..types import UNSET, Model, Unset
from .ocr_page_object import OCRPageObject
from .ocr_usage_info import OCRUsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRResponse(Model):
    _closed = True  # additionalProperties: false

    pages: list[OCRPageObject]
    """List of OCR info for pages."""

    model: str
    """The model used to generate the OCR."""

    document_annotation: str | None | Unset = UNSET
    """Formatted response in the request_format if provided in json str"""

    usage_info: OCRUsageInfo
    """Usage info for the OCR request."""
