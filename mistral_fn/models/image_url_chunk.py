from typing import Literal

import attrs

from ..types import Model
from .image_url import ImageURL


@attrs.define(kw_only=True, eq=False, repr=False)
class ImageURLChunk(Model):
    """{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0"""

    _closed = True  # additionalProperties: false

    image_url: ImageURL | str

    type: Literal["image_url"] = "image_url"
