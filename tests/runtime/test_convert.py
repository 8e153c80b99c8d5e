"""The two converters of convert.py: responses read into models (lenient), arguments checked (strict)."""

import pytest

from mistral_fn import UNSET, Err, Ok, Session
from mistral_fn._runtime.invoke import invoke
from mistral_fn.errors import (
    InvalidRequestError,
)
from tests.fixtures import chat_reply
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY, ChatResponse, UserMessage


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


def test_values_of_the_exact_type_are_kept_and_others_checked() -> None:
    """A str, int, float or None field keeps a value of its type as is; bool is not an int, int is a float."""
    from mistral_fn._runtime import convert
    from mistral_fn.models.usage_info import UsageInfo

    usage = convert.read({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}, UsageInfo)
    assert (usage.prompt_tokens, usage.completion_tokens, usage.total_tokens) == (1, 2, 3)
    with pytest.raises(convert.ConversionError, match="expected an integer, got bool") as caught:
        convert.read({"prompt_tokens": True, "completion_tokens": 2, "total_tokens": 3}, UsageInfo)
    assert caught.value.where == "$.prompt_tokens"
    assert convert.read([1, 2.5], list[float]) == [1, 2.5]
    with pytest.raises(convert.ConversionError) as in_list:
        convert.read([1, "2"], list[int])
    assert in_list.value.where == "$[1]"


def test_a_nested_error_names_its_whole_path() -> None:
    from mistral_fn._runtime import convert
    from mistral_fn.models.chat_completion_response import ChatCompletionResponse

    body = {**chat_reply(), "choices": [{"index": 0, "message": {"role": "assistant", "content": 5}}]}
    with pytest.raises(convert.ConversionError) as caught:
        convert.read(body, ChatCompletionResponse)
    assert caught.value.where.startswith("$.choices[0].message.content")
