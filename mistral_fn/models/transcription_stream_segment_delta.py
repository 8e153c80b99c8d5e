from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionStreamSegmentDelta(Model):
    _closed = True  # additionalProperties: false

    text: str

    start: float

    end: float

    speaker_id: str | None | Unset = UNSET

    type: Literal["transcription.segment"] = "transcription.segment"
