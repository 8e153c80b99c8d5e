from typing import Literal

import attrs

from ..types import UNSET, Model, Unset

TranscriptionSegmentChunkType = Literal["transcription_segment"]


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionSegmentChunk(Model):
    _closed = True  # additionalProperties: false

    text: str

    start: float

    end: float

    score: float | None | Unset = UNSET

    speaker_id: str | None | Unset = UNSET

    type: TranscriptionSegmentChunkType | str | Unset = UNSET
