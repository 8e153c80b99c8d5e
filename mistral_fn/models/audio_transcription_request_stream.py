from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .file import File
from .timestamp_granularity import TimestampGranularity


@attrs.define(kw_only=True, eq=False, repr=False)
class AudioTranscriptionRequestStream(Model):
    model: str

    file: File | None | Unset = UNSET

    file_url: str | None | Unset = UNSET
    """Url of a file to be transcribed"""

    file_id: str | None | Unset = UNSET
    """ID of a file uploaded to /v1/files"""

    language: str | None | Unset = UNSET
    """Language of the audio, e.g. 'en'. Providing the language can boost accuracy."""

    temperature: float | None | Unset = UNSET

    stream: Literal[True] | Unset = UNSET

    diarize: bool | Unset = UNSET

    context_bias: list[str] | Unset = UNSET

    timestamp_granularities: list[TimestampGranularity | str] | Unset = UNSET
    """Granularities of timestamps to include in the response."""
