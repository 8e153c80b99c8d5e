from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class AudioChunk(Model):
    _closed = True  # additionalProperties: false

    input_audio: str

    type: Literal["input_audio"] = "input_audio"
