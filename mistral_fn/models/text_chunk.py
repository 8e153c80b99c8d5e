from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class TextChunk(Model):
    _closed = True  # additionalProperties: false

    text: str

    type: Literal["text"] = "text"
