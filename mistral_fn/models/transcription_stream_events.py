from typing import Annotated, Any

import attrs

from ..types import Discriminator, Model
from .transcription_stream_done import TranscriptionStreamDone
from .transcription_stream_event_types import TranscriptionStreamEventTypes
from .transcription_stream_language import TranscriptionStreamLanguage
from .transcription_stream_segment_delta import TranscriptionStreamSegmentDelta
from .transcription_stream_text_delta import TranscriptionStreamTextDelta

TranscriptionStreamEventsData = Annotated[
    TranscriptionStreamTextDelta
    | TranscriptionStreamLanguage
    | TranscriptionStreamSegmentDelta
    | TranscriptionStreamDone
    | dict[str, Any],
    Discriminator(
        "type",
        {
            "transcription.done": TranscriptionStreamDone,
            "transcription.language": TranscriptionStreamLanguage,
            "transcription.segment": TranscriptionStreamSegmentDelta,
            "transcription.text.delta": TranscriptionStreamTextDelta,
        },
    ),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class TranscriptionStreamEvents(Model):
    _closed = True  # additionalProperties: false

    event: TranscriptionStreamEventTypes | str

    data: TranscriptionStreamEventsData
