from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionStreamTextDelta(Model):
    _closed = True  # additionalProperties: false

    text: str

    type: Literal["transcription.text.delta"] = "transcription.text.delta"
