from typing import Literal

TranscriptionStreamEventTypes = Literal[
    "transcription.language", "transcription.segment", "transcription.text.delta", "transcription.done"
]
