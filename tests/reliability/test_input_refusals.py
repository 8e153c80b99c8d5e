"""Values that cannot be sent are refused by name and reason, before sending; uploads never send more
(or other) bytes than they declared."""

import socket
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from mistral_fn import (
    Err,
    Hooks,
    Ok,
    Session,
    audio_transcriptions_complete,
    chat_complete,
    files_delete,
    files_list,
    files_retrieve,
    files_upload,
)
from mistral_fn.errors import InvalidRequestError
from tests.loopback import Loopback, Recorded
from tests.reliability.support import MESSAGES, assert_still_usable
from tests.reliability.test_inputs import _form

UPLOADED = {"id": "file-1", "object": "file", "bytes": 1, "created_at": 1, "filename": "a"}


def _circular() -> dict[str, Any]:
    loop: dict[str, Any] = {"a": 1}
    loop["self"] = loop
    return {"inner": loop}


def _deep(levels: int) -> dict[str, Any]:
    top: dict[str, Any] = {}
    current = top
    for _ in range(levels):
        current["x"] = {}
        current = current["x"]
    return top


def _refused(result: Any, where: str, reason: str) -> None:
    assert isinstance(result, Err) and type(result.error) is InvalidRequestError, result
    message = result.error.message
    assert message.startswith(f"invalid argument {where}: "), message
    assert reason in message, message


BODY_CASES = {
    "circular": (_circular(), "metadata.inner.self", "refers to itself (a circular reference)"),
    "5000-deep": (_deep(5000), "metadata", "nested 5001 levels deep, deeper than can be encoded"),
    "set": ({"tags": {1, 2}}, "metadata.tags", "a set cannot be sent as JSON (a list can)"),
    "object": ({"o": object()}, "metadata.o", "a object cannot be sent as JSON"),
    "huge-int": ({"n": 10**5000}, "metadata.n", "an integer of more than 4300 digits cannot be written"),
    "surrogate": ({"s": "ok \ud800"}, "metadata.s", "a lone surrogate '\\ud800' cannot be encoded as UTF-8"),
}


@pytest.mark.parametrize("case", sorted(BODY_CASES))
def test_unsendable_body_values(server: Loopback, session: Session, case: str) -> None:
    """Circular, 5,000-deep, set, object, 10**5000, lone surrogate in a JSON body: refused by path and reason."""
    value, where, reason = BODY_CASES[case]
    _refused(chat_complete(session, model="m", messages=MESSAGES, metadata=value), where, reason)
    assert server.requests == []
    assert_still_usable(session, server)


def test_unsendable_parameters_and_form_fields(server: Loopback, session: Session) -> None:
    """10**5000 in a query; a lone surrogate in a path, a query, a form field and a file name."""
    surrogate = "a lone surrogate '\\udc00' cannot be encoded as UTF-8"
    _refused(files_list(session, page=10**5000), "page", "an integer of more than 4300 digits cannot be written")
    _refused(files_list(session, search="x\udc00"), "search", surrogate)
    _refused(files_retrieve(session, file_id="\udc00"), "file_id", surrogate)
    form = audio_transcriptions_complete(session, model="m", file=("a.mp3", b"x"), language="\udc00")
    _refused(form, "language", surrogate)
    _refused(files_upload(session, file=("\udc00.txt", b"x")), "file", "the file name: " + surrogate)
    assert server.requests == []
    assert_still_usable(session, server)


def test_path_ids_never_change_the_path(server: Loopback, session: Session) -> None:
    """An empty id is refused; `.` and `..` go out percent-encoded, so no server or proxy resolves them."""
    _refused(files_delete(session, file_id=""), "file_id", "must not be empty")
    assert server.requests == []
    for value, sent in ((".", "/v1/files/%2E"), ("..", "/v1/files/%2E%2E"), ("a.b", "/v1/files/a.b")):
        server.reply(200, {"id": "f", "object": "file", "deleted": True})
        assert isinstance(files_delete(session, file_id=value), Ok)
        assert server.requests[-1].method == "DELETE" and server.requests[-1].target == sent


def test_str_beside_a_file_name_is_content(server: Loopback, session: Session, tmp_path: Path) -> None:
    """file=("notes.txt", "/some/path") uploads the text "/some/path"; a bare str or Path stays a path."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not for upload")
    server.reply(200, UPLOADED)
    assert isinstance(files_upload(session, file=("notes.txt", str(secret))), Ok)
    assert _form(server.requests[-1])["file"] == str(secret).encode()
    assert b'filename="notes.txt"' in server.requests[-1].body
    server.reply(200, UPLOADED)
    assert isinstance(files_upload(session, file=str(secret)), Ok)
    assert _form(server.requests[-1])["file"] == b"not for upload"


def test_text_mode_file_is_refused(server: Loopback, session: Session, tmp_path: Path) -> None:
    """A file opened with "r" is refused up front: its str would not go out as the file's bytes."""
    path = tmp_path / "a.jsonl"
    path.write_text("{}\n")
    with open(path) as text_file:
        _refused(files_upload(session, file=text_file), "file", "text mode")
    assert server.requests == []


class _Raw:
    """A Loopback handler that keeps every byte the client sends on the connection, for 1 s or until EOF."""

    def __init__(self) -> None:
        self.received = b""
        self.done = False

    def __call__(self, request: Recorded, conn: socket.socket) -> None:
        self.received = request.body
        conn.settimeout(1.0)
        try:
            while chunk := conn.recv(65536):
                self.received += chunk
        except OSError:
            pass
        self.done = True
        raise OSError("done")


@pytest.mark.parametrize("change", ["grows", "shrinks"])
@pytest.mark.parametrize("given", ["path", "file"])
def test_upload_source_that_changes_while_sent(tmp_path: Path, change: str, given: str) -> None:
    """A file that grows or shrinks after the call measured it: Err(InvalidRequestError) at once, and
    never a byte past the declared Content-Length on the wire (no second request smuggled in)."""
    path = tmp_path / "data.bin"
    path.write_bytes(b"a" * 200_000)
    smuggled = b"\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n" * 5000

    def change_file(_: Any, prepared: requests.PreparedRequest) -> None:
        with open(path, "r+b") as f:
            if change == "grows":
                f.seek(0, 2)
                f.write(smuggled)
            else:
                f.truncate(1000)

    raw = _Raw()
    with Loopback() as server:
        server.reply_fn(raw)
        hooks = Hooks(before_request=[change_file])
        with Session(api_key="sk-test-12345678", server_url=server.url, timeout_ms=5000, hooks=hooks) as session:
            started = time.monotonic()
            if given == "path":
                result = files_upload(session, file=path)
            else:
                with open(path, "rb") as f:
                    result = files_upload(session, file=f)
            took = time.monotonic() - started
        assert isinstance(result, Err) and type(result.error) is InvalidRequestError, result
        assert result.error.message.startswith(
            "invalid argument file: the file " + ("grew" if change == "grows" else "shrank")
        )
        assert took < 1.0, took
        waited = time.monotonic() + 2.0
        while not raw.done and time.monotonic() < waited:  # the server sees the cut after the client does
            time.sleep(0.01)
        declared = int(server.requests[0].header("Content-Length") or 0)
        assert len(raw.received) <= declared  # the body read, and anything after it on the connection
        assert b"/smuggled" not in raw.received and [r.target for r in server.requests] == ["/v1/files"]
