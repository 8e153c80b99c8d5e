"""Caller input at the edges, through the generated operations: refused before sending, or sent right."""

import math
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path

import pytest

from mistral_fn import Err, Ok, Session, audio_transcriptions_complete, chat_complete, files_upload
from mistral_fn.errors import InvalidRequestError
from tests.loopback import Loopback, Recorded
from tests.reliability.support import MESSAGES, assert_still_usable

TRANSCRIPTION = {"model": "voxtral-mini-latest", "text": "hello", "language": "en", "segments": [], "usage": {}}


def _form(request: Recorded) -> dict[str, bytes]:
    head = f"Content-Type: {request.header('Content-Type')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    return {
        part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
        for part in message.iter_parts()
    }


@pytest.mark.parametrize(
    ("path", "reason"),
    # Python says "embedded null byte" up to 3.12, "embedded null character in path" from 3.13.
    [("no/such/file.jsonl", "No such file or directory"), ("tests", "Is a directory"), ("a\x00b", "embedded null")],
    ids=["missing", "directory", "nul-byte"],
)
def test_upload_from_a_path_that_cannot_be_read(server: Loopback, session: Session, path: str, reason: str) -> None:
    """files_upload from a missing path, a directory or a path with NUL: InvalidRequestError naming `file`."""
    result = files_upload(session, file=path)
    assert isinstance(result, Err) and type(result.error) is InvalidRequestError
    assert result.error.message.startswith(f"invalid argument file: cannot read {path!r}: ")
    assert reason in result.error.message and server.requests == []
    assert_still_usable(session, server)


def test_none_in_a_multipart_body_is_left_out(server: Loopback, session: Session) -> None:
    """audio_transcriptions_complete(file=None, language=None, file_url=...): the None fields are not sent."""
    server.reply(200, TRANSCRIPTION)
    result = audio_transcriptions_complete(
        session, model="voxtral-mini-latest", file=None, file_url="https://example.com/a.mp3", language=None
    )
    assert isinstance(result, Ok) and result.value.text == "hello"
    assert _form(server.requests[0]) == {
        "model": b"voxtral-mini-latest",
        "file_url": b"https://example.com/a.mp3",
        "stream": b"false",
    }
    assert_still_usable(session, server)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_non_finite_numbers_are_refused(server: Loopback, session: Session, value: float) -> None:
    """NaN and the infinities, in a typed number, a free-form object or a form field, are refused by name."""
    typed = chat_complete(session, model="m", messages=MESSAGES, temperature=value)
    free = chat_complete(session, model="m", messages=MESSAGES, metadata={"scores": [1.0, value]})
    form = audio_transcriptions_complete(session, model="m", file=("a.mp3", b"x"), temperature=value)
    for result, where in ((typed, "temperature"), (free, "metadata.scores[1]"), (form, "temperature")):
        assert isinstance(result, Err) and type(result.error) is InvalidRequestError
        assert result.error.message.startswith(f"invalid argument {where}: "), result.error.message
    assert server.requests == []
    assert_still_usable(session, server)


def test_upload_from_a_readable_path(server: Loopback, session: Session, tmp_path: Path) -> None:
    """An upload path that exists and is a regular file goes out whole, with its name."""
    path = tmp_path / "train.jsonl"
    path.write_bytes(b'{"a": 1}\n' * 100)
    server.reply(200, {"id": "file-1", "object": "file", "bytes": 900, "created_at": 1, "filename": "train.jsonl"})
    result = files_upload(session, file=path, purpose="fine-tune")
    assert isinstance(result, Ok) and result.value.id == "file-1"
    assert _form(server.requests[0])["file"] == b'{"a": 1}\n' * 100
