"""The request pipeline against a loopback server: what goes out, and how each answer comes back."""

import json

import pytest

import mistral_fn
from mistral_fn import UNSET, Err, Ok, Session
from mistral_fn._runtime.invoke import Call, invoke
from mistral_fn.errors import (
    ConnectionError,
    HTTPValidationError,
    InvalidRequestError,
    MistralError,
    ResponseValidationError,
)
from tests.conftest import API_KEY
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY, DELETE, LIST, ChatResponse, UserMessage


def test_success_structures_the_declared_model(server: Loopback, session: Session) -> None:
    """A 200 gives Ok(model) with meta from the response."""
    server.reply(200, CHAT_REPLY, headers={"x-request-id": "req-1"})
    result = invoke(session, CHAT, body=CHAT_BODY)
    match result:
        case Ok(ChatResponse(id="c1") as response):
            assert response.choices[0].finish_reason == "stop"
        case _:
            pytest.fail(f"unexpected {result!r}")
    assert result.meta is not None
    assert (result.meta.status_code, result.meta.request_id, result.meta.attempts) == (200, "req-1", 1)


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


def test_none_is_sent_as_null_and_unset_left_out(server: Loopback, session: Session) -> None:
    """None becomes JSON null; UNSET and left-out keywords are not sent at all."""
    invoke(session, CHAT, body={**CHAT_BODY, "temperature": None, "stop": UNSET})
    assert server.requests[0].json() == {**CHAT_BODY, "temperature": None}


def test_model_instances_are_accepted_as_input(server: Loopback, session: Session) -> None:
    """Nested values may be model instances instead of dicts."""
    invoke(session, CHAT, body={"model": "m", "messages": [UserMessage(content="yo")]})
    assert server.requests[0].json()["messages"] == [{"content": "yo", "role": "user"}]


def test_unknown_fields_and_enum_values_are_kept(server: Loopback, session: Session) -> None:
    """Unknown properties land in extra_fields, unknown enum values stay strings, both round-trip."""
    server.reply(200, {**CHAT_REPLY, "brand_new": {"x": 1}, "choices": [{"index": 0, "finish_reason": "galaxy"}]})
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok)
    assert result.value.extra_fields == {"brand_new": {"x": 1}}
    assert result.value.choices[0].finish_reason == "galaxy"
    from mistral_fn._runtime.convert import to_json

    assert to_json(result.value)["brand_new"] == {"x": 1}


def test_unknown_union_tag_reads_as_dict(server: Loopback, session: Session) -> None:
    """A tagged union member with a tag the spec does not know is kept as a plain dict."""
    server.reply(200, {**CHAT_REPLY, "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "x"}}]})
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and result.value.choices[0].message == {"role": "x"}


def test_missing_required_response_field_reads_as_unset(server: Loopback, session: Session) -> None:
    """`data` is required by the spec and never sent: it reads as UNSET, not as an error."""
    server.reply(200, CHAT_REPLY)
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and result.value.data is UNSET


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"model": "m", "messages": [{"role": "bot", "content": "x"}]}, "messages[0].role"),
        ({"model": "m", "messages": "hello"}, "messages"),
        ({"model": "m", "messages": [{"role": "user", "content": 3}]}, "messages[0].content"),
        ({"model": 7, "messages": []}, "model"),
        ({"messages": []}, "model"),
        ({"model": "m", "messages": [{"role": "user", "content": "x", "extra": 1}]}, "messages[0]"),
        ({"model": "m", "messages": [], "temperature": "hot"}, "temperature"),
    ],
)
def test_invalid_input_is_refused_before_sending(
    server: Loopback, session: Session, body: dict[str, object], field: str
) -> None:
    """Input that does not fit gives Err(InvalidRequestError) naming the field, and nothing is sent."""
    result = invoke(session, CHAT, body=body)
    assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    assert field in result.error.message
    assert server.requests == []


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


def test_missing_api_key_is_refused(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a key (argument or MISTRAL_API_KEY) nothing is sent and the error says what to set."""
    monkeypatch.delenv("MISTRAL_API_KEY", raising=False)
    result = invoke(Session(server_url=server.url), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and "MISTRAL_API_KEY" in result.error.message
    assert server.requests == []


def test_api_key_from_callable_and_environment(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> None:
    """A callable key is asked on every call; with none given, MISTRAL_API_KEY is read at call time."""
    keys = iter(["k1", "k2"])
    session = Session(api_key=lambda: next(keys), server_url=server.url)
    invoke(session, CHAT, body=CHAT_BODY)
    invoke(session, CHAT, body=CHAT_BODY)
    monkeypatch.setenv("MISTRAL_API_KEY", "k-env")
    invoke(Session(server_url=server.url), CHAT, body=CHAT_BODY)
    assert [r.header("Authorization") for r in server.requests] == ["Bearer k1", "Bearer k2", "Bearer k-env"]


def test_connection_refused() -> None:
    """Nothing listening gives Err(ConnectionError)."""
    with Loopback() as closed:
        url = closed.url
    result = invoke(Session(api_key="k", server_url=url), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)
    assert "could not connect" in result.error.message


def test_connection_dropped_mid_body(server: Loopback, session: Session) -> None:
    """A response cut in the middle of its JSON body gives Err(ConnectionError)."""
    server.reply_raw(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"id": "c')
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)


def test_connection_reset_before_response(server: Loopback, session: Session) -> None:
    """A connection closed before any response gives Err(ConnectionError), and the session still works."""
    server.reply_raw(b"")
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)
    server.reply(200, CHAT_REPLY)
    assert invoke(session, CHAT, body=CHAT_BODY).ok


def test_error_body_json_is_not_required(server: Loopback, session: Session) -> None:
    """An error with an empty body still names the status."""
    server.reply(503)
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and result.error.message.startswith("503")
    assert json.dumps(result.error.status_code) == "503"


def test_twenty_megabyte_body(server: Loopback, session: Session) -> None:
    """A 20 MB success body is read whole and structured."""
    filler = "x" * (20 * 1024 * 1024)
    server.reply(200, {**CHAT_REPLY, "padding": filler})
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and len(result.value.extra_fields["padding"]) == len(filler)
