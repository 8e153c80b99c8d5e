"""Create Transcription: POST /v1/audio/transcriptions."""

import threading
from collections.abc import Mapping, Sequence

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.audio_transcription_request import AudioTranscriptionRequest
from ..models.timestamp_granularity import TimestampGranularity
from ..models.transcription_response import TranscriptionResponse
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, FileInput, Unset

AudioTranscriptionsCompleteError = CommonError

OPERATION = Operation(
    operation_id="audio_api_v1_transcriptions_post",
    method="POST",
    path="/v1/audio/transcriptions",
    body=AudioTranscriptionRequest,
    ok={200: TranscriptionResponse},
    files=frozenset({"file"}),
)
"""What `audio_transcriptions_complete` sends and expects back."""


def audio_transcriptions_complete(
    session: Session,
    *,
    model: str,
    file: FileInput | None | Unset = UNSET,
    file_url: str | None | Unset = UNSET,
    file_id: str | None | Unset = UNSET,
    language: str | None | Unset = UNSET,
    temperature: float | None | Unset = UNSET,
    diarize: bool | Unset = UNSET,
    context_bias: Sequence[str] | Unset = UNSET,
    timestamp_granularities: Sequence[TimestampGranularity | str] | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[TranscriptionResponse, AudioTranscriptionsCompleteError]:
    """Create Transcription.

    Args:
        model: ID of the model to be used.
        file_url: Url of a file to be transcribed
        file_id: ID of a file uploaded to /v1/files
        language: Language of the audio, e.g. 'en'. Providing the language can boost accuracy.
        diarize: Default: False.
        context_bias: Default: [].
        timestamp_granularities: Granularities of timestamps to include in the response.
    """
    body = {
        "model": model,
        "file": file,
        "file_url": file_url,
        "file_id": file_id,
        "language": language,
        "temperature": temperature,
        "stream": False,
        "diarize": diarize,
        "context_bias": context_bias,
        "timestamp_granularities": timestamp_granularities,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
