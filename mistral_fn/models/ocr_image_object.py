import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRImageObject(Model):
    _closed = True  # additionalProperties: false

    id: str
    """Image ID for extracted image in a page"""

    top_left_x: int | None
    """X coordinate of top-left corner of the extracted image"""

    top_left_y: int | None
    """Y coordinate of top-left corner of the extracted image"""

    bottom_right_x: int | None
    """X coordinate of bottom-right corner of the extracted image"""

    bottom_right_y: int | None
    """Y coordinate of bottom-right corner of the extracted image"""

    image_base64: str | None | Unset = UNSET
    """Base64 string of the extracted image"""

    image_annotation: str | None | Unset = UNSET
    """Annotation of the extracted image in json str"""
