"""Audio transcription: a local file uploaded (streamed), then a URL transcribed as a stream of events.

`python examples/audio.py [FILE]`: without FILE, one second of silence is written to a WAV file and sent.
Real API with MISTRAL_API_KEY; otherwise the local mock server.
"""

import pathlib
import sys
import tempfile
import wave

from _common import failed, session_for_example

from mistral_fn import Err, Ok, audio_transcriptions_complete, audio_transcriptions_stream
from mistral_fn.models import TranscriptionStreamDone, TranscriptionStreamLanguage, TranscriptionStreamTextDelta

MODEL = "voxtral-mini-latest"
SPEECH_URL = "https://docs.mistral.ai/audio/obama.mp3"


def silence(path: pathlib.Path) -> pathlib.Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 16000)
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, session_for_example("audio") as session:
        audio = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else silence(pathlib.Path(tmp, "silence.wav"))
        match audio_transcriptions_complete(session, model=MODEL, file=audio):  # a path: streamed from disk
            case Ok(transcription):
                print(f"file: {audio.name}: {transcription.text!r}")
            case Err(error):
                return failed("audio_transcriptions_complete", error)

        match audio_transcriptions_stream(session, model=MODEL, file_url=SPEECH_URL):
            case Ok(stream):
                with stream:
                    for event in stream.results():
                        match event:
                            case Ok(item):
                                match item.data:
                                    case TranscriptionStreamLanguage(audio_language=language):
                                        print("stream: language", language)
                                    case TranscriptionStreamTextDelta(text=text):
                                        print(text, end="", flush=True)
                                    case TranscriptionStreamDone(text=text):
                                        print(f"\nstream: done, {len(text)} characters")
                            case Err(error):
                                return failed("audio_transcriptions_stream (reading)", error)
                print()
            case Err(error):
                return failed("audio_transcriptions_stream", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
