import attrs

from ..types import UNSET, Model, Unset
from .transcription_segment_chunk import TranscriptionSegmentChunk
from .usage_info import UsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionResponse(Model):
    _closed = True  # additionalProperties: false

    model: str

    text: str

    language: str | None

    segments: list[TranscriptionSegmentChunk] | Unset = UNSET

    usage: UsageInfo
