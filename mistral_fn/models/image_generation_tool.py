from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class ImageGenerationTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["image_generation"] = "image_generation"
