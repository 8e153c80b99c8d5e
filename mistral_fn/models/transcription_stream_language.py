from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionStreamLanguage(Model):
    _closed = True  # additionalProperties: false

    audio_language: str

    type: Literal["transcription.language"] = "transcription.language"
