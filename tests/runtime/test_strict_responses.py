"""Session(strict_responses=True): a 2XX body or stream event lacking a field the spec requires is
Err(ResponseValidationError) naming it; the default reads it as UNSET."""

import json

import pytest

from mistral_fn import UNSET, Session, chat_complete, chat_stream
from mistral_fn.errors import ResponseValidationError
from tests.fixtures import chat_reply
from tests.loopback import Loopback

API_KEY = "sk-strict-0123456789"
MESSAGES = [{"role": "user", "content": "Hi"}]


def without(reply: dict, key: str) -> dict:
    return {k: v for k, v in reply.items() if k != key}


def test_the_default_reads_a_missing_required_field_as_unset(server: Loopback) -> None:
    server.reply(200, without(chat_reply(), "model"))
    result = chat_complete(Session(api_key=API_KEY, server_url=server.url), model="m", messages=MESSAGES)
    assert result.ok and result.value.model is UNSET


def test_strict_names_the_missing_field(server: Loopback) -> None:
    server.reply(200, without(chat_reply(), "model"))
    session = Session(api_key=API_KEY, server_url=server.url, strict_responses=True)
    result = chat_complete(session, model="m", messages=MESSAGES)
    assert not result.ok
    error = result.error
    assert isinstance(error, ResponseValidationError)
    assert "'model'" in error.message and "ChatCompletionResponse" in error.message


def test_strict_reads_a_whole_answer(server: Loopback) -> None:
    server.reply(200, chat_reply())
    session = Session(api_key=API_KEY, server_url=server.url, strict_responses=True)
    assert chat_complete(session, model="m", messages=MESSAGES).ok


def test_strict_names_a_field_missing_from_a_stream_event(server: Loopback) -> None:
    event = {"id": "s", "model": "m", "choices": [{"index": 0, "delta": {"content": "hi"}, "finish_reason": None}]}
    server.reply_sse([f"data: {json.dumps(without(event, 'model'))}\n\n", "data: [DONE]\n\n"])
    session = Session(api_key=API_KEY, server_url=server.url, strict_responses=True)
    stream = chat_stream(session, model="m", messages=MESSAGES).unwrap()
    (result,) = list(stream.results())
    assert not result.ok and isinstance(result.error, ResponseValidationError)
    assert "'model'" in result.error.message


def test_strict_responses_is_a_bool() -> None:
    with pytest.raises(TypeError, match="strict_responses"):
        Session(api_key=API_KEY, strict_responses="yes")  # type: ignore[arg-type]
