"""Reading an answer (responses.py): the declared error per status, the server's message, bodies that do not fit."""

import json

import pytest

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.invoke import invoke
from mistral_fn.errors import (
    HTTPValidationError,
    MistralError,
    ResponseValidationError,
)
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, DELETE


def test_http_validation_error_on_422(server: Loopback, session: Session) -> None:
    """A 422 with the spec's body gives HTTPValidationError with its detail."""
    detail = [{"loc": ["body", "model"], "msg": "field required", "type": "missing"}]
    server.reply(422, {"detail": detail})
    result = invoke(session, CHAT, body=CHAT_BODY)
    match result:
        case Err(HTTPValidationError(detail=[first])):
            assert first.msg == "field required" and first.loc == ["body", "model"]
            assert "field required" in result.error.message
            assert result.error.status_code == 422
        case _:
            pytest.fail(f"unexpected {result!r}")


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (401, {"message": "Unauthorized", "request_id": "r"}, "Unauthorized"),
        (404, {"detail": "Not found: model xyz"}, "Not found: model xyz"),
        (500, {"object": "error", "message": "Service unavailable.", "type": "internal"}, "Service unavailable."),
        (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "502 Bad Gateway"),
    ],
)
def test_http_errors_carry_the_server_message(
    server: Loopback, session: Session, status: int, body: object, expected: str
) -> None:
    """4XX/5XX give MistralError with status, headers, body text and the server's own message."""
    server.reply(status, body)
    result = invoke(session, CHAT, body=CHAT_BODY)
    match result:
        case Err(MistralError(status_code=code) as error) if code == status:
            assert expected in error.message
            assert expected in error.body
            assert error.headers["content-type"]
        case _:
            pytest.fail(f"unexpected {result!r}")


@pytest.mark.parametrize(
    "body",
    [b"<html>ok</html>", b'{"id": "c1", "choices": [', b"\xff\xfe\x00garbage", b'{"id": 5, "choices": []}', b""],
)
def test_unreadable_success_is_response_validation_error(server: Loopback, session: Session, body: bytes) -> None:
    """A 2XX body that is not the declared model gives ResponseValidationError with the raw text."""
    server.reply(200, body, headers={"Content-Type": "application/json"})
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ResponseValidationError)
    assert result.error.status_code == 200
    assert result.error.body == body.decode("utf-8", "replace")
    assert "ResponseValidationError" not in result.error.pretty() and result.error.message in result.error.pretty()


def test_no_content_gives_ok_none(server: Loopback, session: Session) -> None:
    """A 204 operation gives Ok(None)."""
    server.reply(204)
    assert invoke(session, DELETE, path={"thing_id": "t1"}) == Ok(None)
    assert server.requests[0].method == "DELETE" and server.requests[0].path == "/v1/things/t1"


def test_error_body_json_is_not_required(server: Loopback, session: Session) -> None:
    """An error with an empty body still names the status."""
    server.reply(503)
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and result.error.message.startswith("503")
    assert json.dumps(result.error.status_code) == "503"
