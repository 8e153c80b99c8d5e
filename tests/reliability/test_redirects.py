"""Redirects, through the generated operations: followed only when nothing is lost, never leaking a secret.

- A request with a body is followed only by 307/308 (which keep method and body) and only when the
  body can be sent again whole; a 301/302/303 of it, or a body that cannot be rewound, ends in `Err`.
- A redirect to another origin (scheme, host or port) carries none of the headers the caller or a hook
  added, nor `Authorization`; one to the same origin carries the request as it was.
- A redirect to a scheme other than http(s), a loop, or a chain slower than `timeout_ms` is one precise
  `Err`. (A stream request answered with JSON: test_watchdog_and_leaks.py.)
"""

import io
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import requests

from mistral_fn import (
    Err,
    HookContext,
    Hooks,
    Ok,
    Session,
    chat_complete,
    files_delete,
    files_upload,
    models_list,
)
from mistral_fn.errors import MistralError, RequestAbortedError, RequestTimeoutError
from tests.loopback import Loopback, Recorded, send_response
from tests.reliability.support import API_KEY, CHAT_REPLY, MESSAGES, assert_still_usable

MODEL = "mistral-small-latest"
UPLOADED = {"id": "file-1", "object": "file", "bytes": 5, "created_at": 1, "filename": "a.jsonl", "purpose": "batch"}
MODELS = {"object": "list", "data": []}
DELETED = {"id": "file-1", "object": "file", "deleted": True}
SECRET = "custom-secret-5d1e8a"
HOOK_SECRET = "hook-secret-93b7c2"
CONTENT = b'{"custom_id": "1", "body": {}}\n' * 200


class Unseekable(io.BytesIO):
    """A binary source that cannot be rewound (a pipe, a socket): sent chunked, read once."""

    def seekable(self) -> bool:
        return False


def _moved(server: Loopback, status: int, location: str) -> None:
    server.reply(status, None, headers={"Location": location})


def _upload(session: Session, source: str, tmp_path: Path) -> Any:
    if source == "bytes":
        content: Any = ("a.jsonl", CONTENT)
    elif source == "path":
        content = tmp_path / "a.jsonl"
        content.write_bytes(CONTENT)
    elif source == "seekable file":
        content = io.BytesIO(b"ignored" + CONTENT)
        content.seek(len(b"ignored"))  # a file is sent from where it stands
    else:
        content = ("a.jsonl", Unseekable(CONTENT))
    return files_upload(session, file=content, purpose="batch")


def _add_hook_header(ctx: HookContext, prepared: requests.PreparedRequest) -> None:
    prepared.headers["X-Hook-Key"] = HOOK_SECRET


def _secrets_in(request: Recorded) -> list[str]:
    return [name for name, value in request.headers.items() if any(s in value for s in (API_KEY, SECRET, HOOK_SECRET))]


# -- a body is never lost ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303])
@pytest.mark.parametrize("operation", ["files_upload", "chat_complete"])
def test_301_302_303_of_a_request_with_a_body_is_err_not_a_get(
    server: Loopback, session: Session, tmp_path: Path, status: int, operation: str
) -> None:
    """A POST with a body answered 301/302/303 is not replayed as a GET (which came back Ok with
    every field unset): Err(MistralError(status)) naming the status and the Location's origin only."""
    _moved(server, status, f"{server.url}/v1/elsewhere?token=location-secret")
    if operation == "files_upload":
        result = _upload(session, "bytes", tmp_path)
    else:
        result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    error = result.error
    assert error.status_code == status
    assert error.message.startswith(f"{status} ")
    assert f"to {server.url} not followed" in error.message
    assert "body" in error.message and "GET" in error.message
    assert "location-secret" not in error.message and API_KEY not in str(error)
    assert [r.method for r in server.requests] == ["POST"]  # nothing replayed
    assert_still_usable(session, server)


@pytest.mark.parametrize("status", [307, 308])
@pytest.mark.parametrize("source", ["bytes", "path", "seekable file"])
def test_307_308_of_an_upload_sends_the_whole_body_again(
    server: Loopback, tmp_path: Path, status: int, source: str
) -> None:
    """files_upload from bytes, a path or a seekable file, redirected by 307/308: the same bytes, whole,
    to the new place (it was an empty body that left the server waiting for the Content-Length)."""
    with Session(api_key=API_KEY, server_url=server.url, timeout_ms=2_000) as session:
        _moved(server, status, "/v1/files-moved")
        server.reply(200, UPLOADED)
        result = _upload(session, source, tmp_path)
        assert isinstance(result, Ok) and result.value.id == "file-1", result
        first, second = server.requests
        assert (second.method, second.path) == ("POST", "/v1/files-moved")
        assert second.body == first.body and CONTENT in second.body
        assert second.header("Content-Length") == first.header("Content-Length") == str(len(first.body))
        assert second.header("Authorization") == f"Bearer {API_KEY}"  # same origin
        assert_still_usable(session, server)


@pytest.mark.parametrize("status", [307, 308])
def test_307_308_of_a_json_body_sends_it_again(server: Loopback, session: Session, status: int) -> None:
    """chat_complete redirected by 307/308 sends its JSON body again, and the answer there is Ok."""
    _moved(server, status, "/v2/chat")
    result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Ok) and result.value.id == "cmpl-ok", result
    first, second = server.requests
    assert (second.method, second.path, second.body) == ("POST", "/v2/chat", first.body)
    assert_still_usable(session, server)


@pytest.mark.parametrize("status", [307, 308])
def test_307_308_of_a_stream_that_cannot_be_rewound_is_err(
    server: Loopback, session: Session, tmp_path: Path, status: int
) -> None:
    """An upload from an unseekable source (sent chunked) cannot be sent again: Err, not an empty body
    sent and Ok."""
    _moved(server, status, "/v1/files-moved")
    result = _upload(session, "unseekable", tmp_path)
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    assert result.error.status_code == status
    assert f"to {server.url} not followed" in result.error.message
    assert "cannot be sent again" in result.error.message
    assert len(server.requests) == 1 and CONTENT in server.requests[0].body
    assert_still_usable(session, server)


def test_a_body_a_hook_replaced_with_a_stream_is_not_sent_again(server: Loopback) -> None:
    """A before_request hook that gives the request a body of its own (a generator) cannot be replayed:
    the encoder's body is not sent in its place."""

    def stream_body(ctx: HookContext, prepared: requests.PreparedRequest) -> None:
        prepared.body = iter([b'{"model": "m", ', b'"messages": []}'])
        del prepared.headers["Content-Length"]
        prepared.headers["Transfer-Encoding"] = "chunked"

    with Session(api_key=API_KEY, server_url=server.url, hooks=Hooks(before_request=[stream_body])) as session:
        _moved(server, 307, "/v2/chat")
        result = chat_complete(session, model=MODEL, messages=MESSAGES)
        assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == 307
        assert "cannot be sent again" in result.error.message
        assert [r.body for r in server.requests] == [b'{"model": "m", "messages": []}']


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_get_is_followed(server: Loopback, session: Session, status: int) -> None:
    """A GET is followed by every redirect status, to a relative Location too."""
    _moved(server, status, "/v1/models-moved?page=2")
    server.reply(200, MODELS)
    result = models_list(session)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.status_code == 200, result
    assert [(r.method, r.target) for r in server.requests] == [
        ("GET", "/v1/models"),
        ("GET", "/v1/models-moved?page=2"),
    ]
    assert_still_usable(session, server)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_delete_keeps_its_method(server: Loopback, session: Session, status: int) -> None:
    """A DELETE (no body) moved by 301/302/307/308 is sent again as a DELETE, never turned into a GET."""
    _moved(server, status, "/v1/files-moved/file-1")
    server.reply(200, DELETED)
    result = files_delete(session, file_id="file-1")
    assert isinstance(result, Ok) and result.value.deleted is True, result
    assert [r.method for r in server.requests] == ["DELETE", "DELETE"]
    assert_still_usable(session, server)


def test_303_of_a_delete_is_err(server: Loopback, session: Session) -> None:
    """303 See Other to a DELETE would fetch the Location with GET and read it as the delete's answer."""
    _moved(server, 303, "/v1/files/file-1/status")
    result = files_delete(session, file_id="file-1")
    assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == 303, result
    assert "GET" in result.error.message
    assert [r.method for r in server.requests] == ["DELETE"]
    assert_still_usable(session, server)


# -- secrets stay with their origin ------------------------------------------------------------------


@pytest.mark.parametrize("elsewhere", ["another host", "another port"])
@pytest.mark.parametrize(
    ("operation", "status"), [("models_list", 302), ("models_list", 307), ("chat", 307), ("chat", 308)]
)
def test_cross_origin_redirect_carries_no_added_header(
    server: Loopback, elsewhere: str, operation: str, status: int
) -> None:
    """Authorization, a secret given through http_headers and one a before_request hook added never
    reach another host or port; Accept and User-Agent (ours) do, and the body with a 307/308."""
    hooks = Hooks(before_request=[_add_hook_header])
    with Loopback(default=MODELS if operation == "models_list" else CHAT_REPLY) as other:
        target = other.url.replace("127.0.0.1", "localhost") if elsewhere == "another host" else other.url
        _moved(server, status, f"{target}/v1/moved")
        with Session(api_key=API_KEY, server_url=server.url, hooks=hooks) as session:
            options: dict[str, Any] = {"http_headers": {"X-Secret-Token": SECRET}}
            if operation == "models_list":
                result = models_list(session, **options)
            else:
                result = chat_complete(session, model=MODEL, messages=MESSAGES, **options)
            assert isinstance(result, Ok), result
            assert server.requests[0].header("X-Secret-Token") == SECRET
            assert server.requests[0].header("X-Hook-Key") == HOOK_SECRET
            (moved,) = other.requests
            assert _secrets_in(moved) == []
            assert moved.header("Authorization") is None and moved.header("X-Secret-Token") is None
            assert moved.header("Accept") == server.requests[0].header("Accept")
            assert moved.header("User-Agent") == server.requests[0].header("User-Agent")
            assert moved.body == server.requests[0].body
            assert_still_usable(session, server)


def test_same_origin_redirect_keeps_every_header(server: Loopback) -> None:
    """A redirect within the same scheme, host and port is the same request at a new path."""
    hooks = Hooks(before_request=[_add_hook_header])
    with Session(api_key=API_KEY, server_url=server.url, hooks=hooks) as session:
        _moved(server, 307, f"{server.url}/v2/chat")
        result = chat_complete(session, model=MODEL, messages=MESSAGES, http_headers={"X-Secret-Token": SECRET})
        assert isinstance(result, Ok), result
        first, second = server.requests
        for name in ("Authorization", "X-Secret-Token", "X-Hook-Key", "Content-Type", "Accept"):
            assert second.header(name) == first.header(name) is not None


def test_headers_stripped_once_stay_stripped(server: Loopback, session: Session) -> None:
    """Sent back to the first origin by the other one, the request still carries none of the secrets."""
    with Loopback() as other:
        _moved(server, 302, f"{other.url}/bounce")
        _moved(other, 302, f"{server.url}/v1/models-back")
        server.reply(200, MODELS)
        result = models_list(session, http_headers={"X-Secret-Token": SECRET})
        assert isinstance(result, Ok), result
        assert len(other.requests) == 1 and _secrets_in(other.requests[0]) == []
        assert server.requests[1].target == "/v1/models-back" and _secrets_in(server.requests[1]) == []
    assert_still_usable(session, server)


# -- never raise, never mislabel ---------------------------------------------------------------------


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://files.example/a.jsonl"])
def test_redirect_to_an_unsupported_scheme_is_named(server: Loopback, session: Session, location: str) -> None:
    """Not InvalidRequestError (which promises that nothing was sent): the server's 302, saying where it
    pointed and that it is not followed."""
    _moved(server, 302, location)
    result = models_list(session)
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    scheme = location.split(":", 1)[0]
    assert result.error.status_code == 302
    assert f"to {scheme}://" in result.error.message and "only http and https" in result.error.message
    assert "passwd" not in result.error.message and "a.jsonl" not in result.error.message
    assert len(server.requests) == 1
    assert_still_usable(session, server)


@pytest.mark.parametrize(
    ("location", "why"), [("http://[bad/x", "is not a URL"), ("http://h:99999/", "not a valid URL")]
)
def test_a_location_that_is_not_a_url_is_named(server: Loopback, session: Session, location: str, why: str) -> None:
    """A Location that cannot be read is the server's 302 saying so (it was UnexpectedClientError
    raised from inside requests)."""
    _moved(server, 302, location)
    result = models_list(session)
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    assert result.error.status_code == 302 and why in result.error.message
    assert len(server.requests) == 1
    assert_still_usable(session, server)


def test_redirect_loop_is_bounded(server: Loopback, session: Session) -> None:
    """A redirect loop stops after requests' 30 hops: Err(MistralError(302)) saying so, 31 requests."""
    server.answer_all(lambda _, conn: send_response(conn, 302, b"", {"Location": "/v1/models"}))
    result = models_list(session)
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    assert result.error.status_code == 302 and "more than 30 redirects" in result.error.message
    assert len(server.requests) == 31
    server.answer_all(None)
    assert_still_usable(session, server)


def _slow_redirect(_: Recorded, conn: socket.socket) -> None:
    time.sleep(0.15)
    send_response(conn, 302, b"", {"Location": "/v1/models"})


@pytest.mark.parametrize("client", ["own", "http_client"])
def test_a_chain_of_redirects_is_held_to_timeout_ms(server: Loopback, client: str) -> None:
    """timeout_ms bounds the whole attempt, every hop of it: 10 hops of 0.15 s each are cut at 0.4 s
    (an http_client= session, which the watchdog does not watch, included)."""
    for _ in range(10):
        server.reply_fn(_slow_redirect)
    given = requests.Session() if client == "http_client" else None
    with Session(api_key=API_KEY, server_url=server.url, timeout_ms=400, http_client=given) as session:
        started = time.monotonic()
        result = models_list(session)
        took = time.monotonic() - started
        assert isinstance(result, Err) and type(result.error) is RequestTimeoutError, result
        assert took < 0.75 and len(server.requests) <= 4
        time.sleep(0.2)  # let the server finish the reply it was sleeping on
        assert_still_usable(session, server)
    if given is not None:
        given.close()


def test_cancel_stops_following(server: Loopback, session: Session) -> None:
    """A cancel set while a chain of redirects is followed ends the call promptly, and no hop follows."""
    cancel = threading.Event()
    for _ in range(10):
        server.reply_fn(_slow_redirect)
    threading.Timer(0.25, cancel.set).start()
    started = time.monotonic()
    result = models_list(session, cancel=cancel)
    assert isinstance(result, Err) and type(result.error) is RequestAbortedError, result
    assert time.monotonic() - started < 0.45
    time.sleep(0.3)
    assert len(server.requests) <= 3
    assert_still_usable(session, server)


def test_no_redirect_without_location(server: Loopback, session: Session) -> None:
    """A 3XX without a Location is the server's answer: MistralError with its status."""
    server.reply(302, "moved somewhere")
    result = models_list(session)
    assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == 302
    assert result.error.message == "302 Found: moved somewhere" and len(server.requests) == 1
    assert_still_usable(session, server)


def test_a_client_given_as_http_client_follows_the_same_rules(server: Loopback, tmp_path: Path) -> None:
    """The rules hold for a requests.Session given as http_client= too: a POST's 302 is Err, an
    unseekable upload's 307 is Err, and a secret header does not reach another port."""
    client = requests.Session()
    with Session(api_key=API_KEY, server_url=server.url, http_client=client) as session, Loopback() as other:
        _moved(server, 302, "/v1/elsewhere")
        posted = chat_complete(session, model=MODEL, messages=MESSAGES)
        assert isinstance(posted, Err) and type(posted.error) is MistralError and posted.error.status_code == 302
        _moved(server, 307, "/v1/files-moved")
        uploaded = _upload(session, "unseekable", tmp_path)
        assert isinstance(uploaded, Err) and "cannot be sent again" in uploaded.error.message
        _moved(server, 302, f"{other.url}/v1/models")
        other.reply(200, MODELS)
        listed = models_list(session, http_headers={"X-Secret-Token": SECRET})
        assert isinstance(listed, Ok), listed
        assert _secrets_in(other.requests[0]) == [] and other.requests[0].header("X-Secret-Token") is None
        assert [r.method for r in server.requests] == ["POST", "POST", "GET"]
        assert_still_usable(session, server)
    client.close()
