"""The API key in no form at all: pickles, cause chains, tracebacks, logs, whatever the key's characters.

Every error class crosses a process boundary (pickle, as multiprocessing and Lambda do) and comes back
the same class with the same message and fields, and its pickle holds no trace of the key. A key that
ends up in a URL (a hook), in a header value (`http_headers`), in an argument, or echoed by the server
inside a long text, is masked in every rendering of every error, including a truncated one.
"""

import json
import logging
import pickle
import socket
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from mistral_fn import Err, Hooks, Ok, Session, chat_complete, chat_stream, files_upload, models_list
from mistral_fn import errors as e
from tests.loopback import Loopback, Recorded
from tests.reliability.support import API_KEY, CHAT_REPLY, MESSAGES, reply_sse

MODEL = "mistral-small-latest"


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, its `cause` and its `__cause__`/`__context__`, transitively (each once)."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for link in (getattr(current, "cause", None), current.__cause__, current.__context__):
            if isinstance(link, BaseException):
                todo.append(link)


def renderings(error: BaseException) -> list[str]:
    """Every text a user may get out of an error: str/repr of each link, the traceback, pretty(), body."""
    texts = []
    for link in _chain(error):
        texts += [str(link), repr(link), repr(link.args)]
        texts += [str(getattr(link, name, "")) for name in ("message", "body", "problem")]
    try:
        Err(error).unwrap()
    except BaseException as raised:  # noqa: BLE001 - formatting whatever unwrap raises is the point
        texts.append("".join(traceback.format_exception(raised)))
    if isinstance(error, e.ResponseValidationError):
        texts.append(error.pretty())
    texts.append(pickle.dumps(error).decode("latin-1"))
    texts.append(pickle.dumps(Err(error)).decode("latin-1"))
    return texts


def _forms(key: str) -> list[str]:
    """The key as it may be written: raw, as repr, as JSON, as UTF-8 or Latin-1 bytes read back as Latin-1."""
    forms = {key, repr(key)[1:-1], json.dumps(key)[1:-1], json.dumps(key, ensure_ascii=False)[1:-1]}
    forms.add(key.encode("utf-8").decode("latin-1"))
    forms.add(repr(key.encode("utf-8"))[2:-1])
    return sorted(forms)


def assert_no_key(texts: list[str], key: str, prefix: int = 16) -> None:
    """No text holds the key, in any of its forms, nor its first `prefix` characters (a truncated echo)."""
    for text in texts:
        for form in _forms(key):
            assert form[:prefix] not in text, (form[:prefix], text[:400])


def round_trip(error: BaseException) -> BaseException:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error) and repr(back) == repr(error)
    for name in ("message", "status_code", "body"):
        assert getattr(back, name, None) == getattr(error, name, None), name
    again = pickle.loads(pickle.dumps(Err(error)))
    assert isinstance(again, Err) and type(again.error) is type(error) and str(again.error) == str(error)
    return back


# -- pickle -------------------------------------------------------------------------------------------


def _never_answers(_: Recorded, conn: socket.socket) -> None:
    conn.recv(1)  # holds the connection open without answering, until the client gives up


def test_every_error_class_pickles_without_the_key(server: Loopback, session: Session) -> None:
    """MistralError, HTTPValidationError, ResponseValidationError and the transport errors: the same class,
    message and fields after pickle.loads, and no `Authorization: Bearer <key>` in the pickle."""
    made: dict[type, BaseException] = {}

    server.reply(401, {"message": "no"})
    made[e.MistralError] = chat_complete(session, model=MODEL, messages=MESSAGES).error  # type: ignore[union-attr]
    server.reply(422, {"detail": [{"loc": ["body", "model"], "msg": "bad", "type": "value_error"}]})
    made[e.HTTPValidationError] = chat_complete(session, model=MODEL, messages=MESSAGES).error  # type: ignore[union-attr]
    server.reply(200, {"id": 5})
    made[e.ResponseValidationError] = chat_complete(session, model=MODEL, messages=MESSAGES).error  # type: ignore[union-attr]
    with Loopback() as gone:
        dead = gone.url
    made[e.ConnectionError] = chat_complete(session, model=MODEL, messages=MESSAGES, server_url=dead).error  # type: ignore[union-attr]
    server.reply_fn(_never_answers)
    made[e.RequestTimeoutError] = chat_complete(session, model=MODEL, messages=MESSAGES, timeout_ms=300).error  # type: ignore[union-attr]
    made[e.InvalidRequestError] = chat_complete(session, model=MODEL, messages=MESSAGES, temperature="hot").error  # type: ignore[union-attr, arg-type]

    class Carrier(Exception):
        """A hook's own exception that keeps the request it was given (headers and all)."""

        def __init__(self, prepared: requests.PreparedRequest) -> None:
            super().__init__("hook failed")
            self.prepared = prepared

    def failing_hook(_: Any, prepared: requests.PreparedRequest) -> None:
        raise Carrier(prepared)

    with Session(api_key=API_KEY, server_url=server.url, hooks=Hooks(before_request=[failing_hook])) as hooked:
        made[e.UnexpectedClientError] = chat_complete(hooked, model=MODEL, messages=MESSAGES).error  # type: ignore[union-attr]

    for cls, error in made.items():
        assert type(error) is cls, (cls, error)
        blob = pickle.dumps(error)
        assert API_KEY.encode() not in blob and b"Bearer" not in blob, cls
        back = round_trip(error)
        assert_no_key(renderings(back), API_KEY)
        assert_no_key(renderings(error), API_KEY)
    validation = pickle.loads(pickle.dumps(made[e.HTTPValidationError]))
    assert validation.detail[0].msg == "bad"  # type: ignore[attr-defined]
    assert validation.headers["content-type"] == "application/json"  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(made[e.ResponseValidationError])).raw_value == {"id": 5}  # type: ignore[attr-defined]
    assert isinstance(pickle.loads(pickle.dumps(made[e.ConnectionError])).cause, Exception)  # type: ignore[attr-defined]


def test_ok_and_err_pickle(server: Loopback, session: Session) -> None:
    """Ok and Err round-trip through pickle (Err was refused by its own immutability)."""
    ok = models_list(session)
    assert isinstance(ok, Ok)
    assert pickle.loads(pickle.dumps(Ok(3))) == Ok(3)
    back = pickle.loads(pickle.dumps(Err(e.RequestAbortedError("cancelled"))))
    assert isinstance(back, Err) and str(back.error) == "cancelled"


# -- the key in unusual places ---------------------------------------------------------------------------


@pytest.fixture
def debug_records() -> Iterator[list[logging.LogRecord]]:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("mistral_fn.test_secret_forms")
    logger.setLevel(logging.DEBUG)
    handler = Keep(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def test_key_put_into_the_url_by_a_hook(server: Loopback, debug_records: list[logging.LogRecord]) -> None:
    """A before_request hook adding `?key=<key>`: not in the debug log, not in str(err.cause), nor the rest."""

    def key_in_url(_: Any, prepared: requests.PreparedRequest) -> requests.PreparedRequest:
        prepared.url = f"{prepared.url}?key={API_KEY}"
        return prepared

    logger = logging.getLogger("mistral_fn.test_secret_forms")
    with Loopback() as gone:
        dead = gone.url
    session = Session(api_key=API_KEY, server_url=dead, hooks=Hooks(before_request=[key_in_url]), debug_logger=logger)
    result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and type(result.error) is e.ConnectionError
    server.reply(500, {"message": "x"})
    failed = chat_complete(session, model=MODEL, messages=MESSAGES, server_url=server.url)
    assert isinstance(failed, Err) and server.requests[0].query == [("key", API_KEY)]  # the hook really ran
    lines = [r.getMessage() for r in debug_records]
    assert any(line.startswith("-> POST") for line in lines)
    assert_no_key([*renderings(result.error), *renderings(failed.error), *lines], API_KEY)


NON_LATIN_1 = "sk-ключ-" + "7f3a9c1e5b2d4068"


def test_key_that_cannot_be_a_header_is_refused_without_quoting_it(server: Loopback) -> None:
    """A key outside Latin-1 cannot go into a header: InvalidRequestError saying so, nothing sent, no key."""
    result = chat_complete(Session(api_key=NON_LATIN_1, server_url=server.url), model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and type(result.error) is e.InvalidRequestError
    assert "API key" in result.error.message and server.requests == []
    assert_no_key(renderings(result.error), NON_LATIN_1)


@pytest.mark.parametrize(
    "value", [API_KEY + "\n", "Bearer " + API_KEY + "\r\nX: y", NON_LATIN_1], ids=["newline", "crlf", "non-latin-1"]
)
def test_http_headers_value_that_cannot_be_sent(server: Loopback, session: Session, value: str) -> None:
    """A header value with a line break or outside Latin-1: InvalidRequestError naming the header, not its value."""
    result = chat_complete(session, model=MODEL, messages=MESSAGES, http_headers={"X-Secret": value})
    assert isinstance(result, Err) and type(result.error) is e.InvalidRequestError
    assert "X-Secret" in result.error.message and server.requests == []
    assert_no_key(renderings(result.error), value.split("Bearer ")[-1].strip())


def test_key_passed_as_an_argument_is_masked(server: Loopback, session: Session) -> None:
    """The key given by mistake as an argument value is masked in the InvalidRequestError naming the field."""
    for kwargs in ({"temperature": API_KEY}, {"stop": {"k": API_KEY}}, {"model": [API_KEY]}):
        arguments: dict[str, Any] = {"model": MODEL, "messages": MESSAGES, **kwargs}
        result = chat_complete(session, **arguments)
        assert isinstance(result, Err) and type(result.error) is e.InvalidRequestError, result
        assert result.error.message.startswith(f"invalid argument {next(iter(kwargs))}"), result.error.message
        assert_no_key(renderings(result.error), API_KEY)
    upload = files_upload(session, file=API_KEY)  # a path that is not there: the message quotes it
    assert isinstance(upload, Err) and "cannot read" in upload.error.message
    assert_no_key(renderings(upload.error), API_KEY)
    assert server.requests == []


ODD_KEYS = {
    "long": "sk-" + "0123456789abcdef" * 20,
    "quote-backslash": "sk-a\\b\"c'd-7f3a9c1e5b2d4068",
    "latin-1": "sk-clé-7f3a9c1e5b2d4068-é",
}


@pytest.mark.parametrize("name", sorted(ODD_KEYS))
def test_key_echoed_by_the_server_whatever_its_characters(server: Loopback, name: str) -> None:
    """A server echoing the key in an error body, a reason phrase, a malformed event and a wrong-shaped
    field: no rendering holds the key in any form, nor its first 16 characters (a truncated echo)."""
    key = ODD_KEYS[name]
    session = Session(api_key=key, server_url=server.url, timeout_ms=5000)
    long_text = "x" * 150 + " token " + key
    texts: list[str] = []
    server.reply(400, {"message": long_text})
    server.reply(401, long_text)
    server.reply(200, {"id": key, "choices": key})
    head = b"HTTP/1.1 403 " + key.encode("latin-1") + b"\r\nConnection: close\r\nContent-Length: 2\r\n\r\n"
    server.reply_raw(head + b"no", close=True)
    for _ in range(4):
        result = chat_complete(session, model=MODEL, messages=MESSAGES)
        assert isinstance(result, Err), result
        texts += renderings(result.error)
    for frame in (f"data: {{{long_text}\n\n", f"event: error\ndata: {json.dumps({'message': long_text})}\n\n"):
        reply_sse(server, [frame])
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        with opened.value as stream:
            *_, last = stream.results()
        assert isinstance(last, Err)
        texts += renderings(last.error)
    assert server.requests[0].header("Authorization") == "Bearer " + key.encode("latin-1").decode("latin-1")
    assert_no_key(texts, key)


def test_masking_leaves_ordinary_text_alone(server: Loopback, session: Session) -> None:
    """The server's message comes through whole where it holds no key."""
    server.reply(400, {"message": "model sk-reliability is unknown"})  # a prefix shorter than the mask's
    result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and result.error.message == "400 Bad Request: model sk-reliability is unknown"
    server.reply(200, CHAT_REPLY)
    assert isinstance(chat_complete(session, model=MODEL, messages=MESSAGES), Ok)
