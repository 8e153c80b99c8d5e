import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRPageDimensions(Model):
    _closed = True  # additionalProperties: false

    dpi: int
    """Dots per inch of the page-image"""

    height: int
    """Height of the image in pixels"""

    width: int
    """Width of the image in pixels"""
