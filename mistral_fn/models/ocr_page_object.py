import attrs

from ..types import UNSET, Model, Unset
from .ocr_image_object import OCRImageObject
from .ocr_page_dimensions import OCRPageDimensions
from .ocr_table_object import OCRTableObject


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRPageObject(Model):
    _closed = True  # additionalProperties: false

    index: int
    """The page index in a pdf document starting from 0"""

    markdown: str
    """The markdown string response of the page"""

    images: list[OCRImageObject]
    """List of all extracted images in the page"""

    tables: list[OCRTableObject] | Unset = UNSET
    """List of all extracted tables in the page"""

    hyperlinks: list[str] | Unset = UNSET
    """List of all hyperlinks in the page"""

    header: str | None | Unset = UNSET
    """Header of the page"""

    footer: str | None | Unset = UNSET
    """Footer of the page"""

    dimensions: OCRPageDimensions | None
    """The dimensions of the PDF Page's screenshot image"""
