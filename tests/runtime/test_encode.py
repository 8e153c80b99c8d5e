"""What goes on the wire (encode.py): headers, compact JSON, path and query, multipart uploads; and downloads."""

import io
import os
import subprocess
import sys
import textwrap
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path

import pytest

import mistral_fn
from mistral_fn import UNSET, Err, Ok, Session
from mistral_fn._runtime.invoke import Call, invoke
from mistral_fn._runtime.streams import BinaryResponse
from mistral_fn.errors import (
    InvalidRequestError,
)
from tests.conftest import API_KEY
from tests.loopback import Loopback, Recorded
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY, DOWNLOAD, LIST, UPLOAD

FILE_REPLY = {"id": "file-1", "bytes": 5}


def _parts(request: Recorded) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, filename, content type, payload) of each multipart part, in order."""
    head = f"Content-Type: {request.header('Content-Type')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.body)
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part["Content-Type"],
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


@pytest.mark.parametrize(
    ("file", "filename", "content_type"),
    [
        (b"hello", "file", "application/octet-stream"),
        (("data.jsonl", b"hello"), "data.jsonl", "application/octet-stream"),
        (("notes.txt", b"hello", "text/x-custom"), "notes.txt", "text/x-custom"),
        (io.BytesIO, "file", "application/octet-stream"),  # made per run: a read file object is spent
    ],
)
def test_upload_parts(server: Loopback, session: Session, file: object, filename: str, content_type: str) -> None:
    """Text parts first without Content-Type, arrays repeated, then the file part with its type."""
    if file is io.BytesIO:
        file = io.BytesIO(b"hello")
    server.reply(200, FILE_REPLY)
    result = invoke(session, UPLOAD, body={"file": file, "purpose": "batch", "tags": ["a", "b"]})
    assert isinstance(result, Ok) and result.value.id == "file-1"
    request = server.requests[0]
    assert request.header("Content-Length") == str(len(request.body))
    assert (request.header("Content-Type") or "").startswith("multipart/form-data; boundary=")
    assert _parts(request) == [
        ("purpose", None, None, b"batch"),
        ("tags", None, None, b"a"),
        ("tags", None, None, b"b"),
        ("file", filename, content_type, b"hello"),
    ]


def test_upload_from_path_guesses_type(server: Loopback, session: Session, tmp_path: Path) -> None:
    """A path is streamed from disk with its name, and its type guessed by mimetypes."""
    path = tmp_path / "train.json"
    path.write_bytes(b'{"a": 1}')
    invoke(session, UPLOAD, body={"file": str(path)})
    assert _parts(server.requests[0]) == [("file", "train.json", "application/json", b'{"a": 1}')]


def test_upload_unseekable_stream_is_chunked(server: Loopback, session: Session) -> None:
    """A file object of unknown size goes out with chunked transfer encoding."""
    read, write = os.pipe()
    os.write(write, b"piped")
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        invoke(session, UPLOAD, body={"file": ("p.bin", pipe)})
    request = server.requests[0]
    assert request.header("Transfer-Encoding") == "chunked" and request.header("Content-Length") is None
    assert _parts(request)[0][3] == b"piped"


def test_upload_of_a_large_file_keeps_memory_bounded(tmp_path: Path) -> None:
    """Uploading 160 MiB from a path raises peak RSS by far less than the file's size."""
    path = tmp_path / "big.bin"
    with open(path, "wb") as f:
        f.truncate(160 * 1024 * 1024)
    script = textwrap.dedent(
        f"""
        import resource, sys
        sys.path.insert(0, {os.getcwd()!r})
        from tests.loopback import Loopback
        from tests.runtime.shapes import UPLOAD
        from mistral_fn import Session
        from mistral_fn._runtime.invoke import invoke
        with Loopback(keep_body=False) as server:
            server.reply(200, {{"id": "f", "bytes": 1}})
            session = Session(api_key="k", server_url=server.url)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            result = invoke(session, UPLOAD, body={{"file": {str(path)!r}}})
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            assert result.ok, result
            print(after - before, server.requests[0].header("Content-Length"))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    grown_kib, length = out.stdout.split()
    assert int(length) > 160 * 1024 * 1024
    assert int(grown_kib) < 16 * 1024, f"peak RSS grew by {grown_kib} KiB"


def test_download_streams_to_a_path(server: Loopback, session: Session, tmp_path: Path) -> None:
    """files_download-style operations give a BinaryResponse that saves without holding the body."""
    payload = os.urandom(300_000)
    server.reply(200, payload, headers={"Content-Type": "application/octet-stream"})
    result = invoke(session, DOWNLOAD, path={"file_id": "f1"})
    assert isinstance(result, Ok) and isinstance(result.value, BinaryResponse)
    with result.value as download:
        assert download.content_type == "application/octet-stream"
        assert download.save(tmp_path / "out.bin") == len(payload)
    assert (tmp_path / "out.bin").read_bytes() == payload
    assert server.requests[0].header("Accept") == "application/octet-stream"


def test_download_read_and_iter(server: Loopback, session: Session) -> None:
    """read() gives all bytes; iter_bytes() gives them in chunks."""
    server.reply(200, b"abcdef")
    server.reply(200, b"abcdef")
    first = invoke(session, DOWNLOAD, path={"file_id": "f1"})
    second = invoke(session, DOWNLOAD, path={"file_id": "f1"})
    assert isinstance(first, Ok) and first.value.read() == b"abcdef"
    assert isinstance(second, Ok) and list(second.value.iter_bytes(4)) == [b"abcd", b"ef"]


def test_wire_headers_and_compact_json(server: Loopback, session: Session) -> None:
    """Authorization, Accept, User-Agent and Content-Type go out, and nothing more."""
    server.reply(200, CHAT_REPLY)
    invoke(session, CHAT, body={**CHAT_BODY, "temperature": UNSET})
    request = server.requests[0]
    assert request.method == "POST" and request.path == "/v1/chat/completions"
    assert request.header("Authorization") == f"Bearer {API_KEY}"
    assert request.header("Accept") == "application/json"
    assert request.header("Content-Type") == "application/json"
    assert request.header("User-Agent") == f"mistral-fn/{mistral_fn.__version__} (python)"
    # Compact, and in the model's (the spec's) property order, as the official SDKs send it.
    assert request.body == b'{"model":"m","messages":[{"content":"hi","role":"user"}]}'
    sent = {k.lower() for k in request.headers}
    assert sent <= {
        "host",
        "authorization",
        "accept",
        "user-agent",
        "content-type",
        "content-length",
        "accept-encoding",
    }


def test_path_and_query_encoding(server: Loopback, session: Session) -> None:
    """Path params are escaped except pchar; queries are form-exploded, booleans lower-case, JSON compact."""
    invoke(
        session,
        LIST,
        path={"thing_id": "ft:open-mistral-7b:abc/x y"},
        query={"page": 2, "tags": ["a", "b c"], "flag": True, "metadata": {"k": [1, 2]}, "none": None, "u": UNSET},
    )
    request = server.requests[0]
    assert request.target.startswith("/v1/things/ft:open-mistral-7b:abc%2Fx%20y/items?")
    assert request.query == [
        ("page", "2"),
        ("tags", "a"),
        ("tags", "b c"),
        ("flag", "true"),
        ("metadata", '{"k":[1,2]}'),
    ]


def test_query_type_is_checked(server: Loopback, session: Session) -> None:
    """A query value of the wrong type is refused with the parameter's name."""
    result = invoke(session, LIST, path={"thing_id": "t"}, query={"page": "two"})
    assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    assert "page" in result.error.message and server.requests == []


def test_per_call_headers_and_server_url(server: Loopback) -> None:
    """http_headers are added; server_url per call overrides the session's."""
    session = Session(api_key="k", server_url="http://127.0.0.1:9")
    invoke(session, CHAT, body=CHAT_BODY, call=Call(server_url=server.url, http_headers={"X-Trace": "1"}))
    assert server.requests[0].header("X-Trace") == "1"
