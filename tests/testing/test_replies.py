"""What the mock's model says: JSON for a schema, tool calls when asked, scripted replies; queue names checked."""

import json
from collections.abc import Iterator

import jsonschema
import pytest
import requests

import mistral_fn
from mistral_fn import Ok, Session
from mistral_fn.testing import MockServer
from tests.testing.scenario import CHAT

PERSON = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 2},
        "age": {"type": "integer", "minimum": 18},
        "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}, "minItems": 2},
        "role": {"enum": ["admin", "user"]},
        "nick": {"anyOf": [{"type": "null"}, {"type": "string"}]},
    },
    "required": ["name", "age", "tags", "role", "nick"],
    "additionalProperties": False,
    "$defs": {"tag": {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]}},
}
WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture
def session(mock: MockServer) -> Session:
    mock.reset()
    return Session(api_key="test", server_url=mock.url, timeout_ms=10_000)


def test_json_schema_response_format_answers_an_instance(session: Session) -> None:
    """response_format json_schema: the content is JSON that validates against the schema sent."""
    response_format = {"type": "json_schema", "json_schema": {"name": "person", "schema": PERSON, "strict": True}}
    result = mistral_fn.chat_complete(session, **CHAT, response_format=response_format)
    assert isinstance(result, Ok)
    choice = result.value.choices[0]
    value = json.loads(choice.message.content)
    jsonschema.validate(value, PERSON)
    assert choice.finish_reason == "stop" and len(value["tags"]) == 2
    streamed = mistral_fn.chat_stream(session, **CHAT, response_format=response_format)
    assert isinstance(streamed, Ok)
    text = streamed.value.text()
    assert isinstance(text, Ok) and json.loads(text.value) == value


def test_tool_choice_any_calls_the_tool_with_fitting_arguments(session: Session) -> None:
    """tool_choice "any" with tools: a tool call whose arguments fit the function's parameters."""
    result = mistral_fn.chat_complete(session, **CHAT, tools=[WEATHER], tool_choice="any")
    assert isinstance(result, Ok)
    choice = result.value.choices[0]
    (call,) = choice.message.tool_calls
    assert (choice.finish_reason, call.function.name) == ("tool_calls", "get_weather")
    jsonschema.validate(json.loads(call.function.arguments), WEATHER["function"]["parameters"])  # type: ignore[index]
    auto = mistral_fn.chat_complete(session, **CHAT, tools=[WEATHER])
    assert isinstance(auto, Ok) and auto.value.choices[0].finish_reason == "stop"


def test_scripted_tool_call_streams_and_collects(session: Session, mock: MockServer) -> None:
    """mock.queue(..., tool_calls=...) scripts the call; the stream carries it and collect() rebuilds it."""
    mock.queue("chat_stream", tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}])
    stream = mistral_fn.chat_stream(session, **CHAT, tools=[WEATHER])
    assert isinstance(stream, Ok)
    collected = stream.value.collect()
    assert isinstance(collected, Ok)
    choice = collected.value.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert json.loads(choice.message.tool_calls[0].function.arguments) == {"city": "Paris"}


def test_scripted_content_and_finish_reason(session: Session, mock: MockServer) -> None:
    """content and finish_reason script the next reply only, then the normal reply returns."""
    mock.queue("chat_complete", content='{"cut', finish_reason="length")
    first = mistral_fn.chat_complete(session, **CHAT)
    second = mistral_fn.chat_complete(session, **CHAT)
    assert isinstance(first, Ok) and isinstance(second, Ok)
    assert (first.value.choices[0].message.content, first.value.choices[0].finish_reason) == ('{"cut', "length")
    assert second.value.choices[0].finish_reason == "stop"


def test_max_tokens_shorter_than_the_reply_cuts_it(session: Session) -> None:
    result = mistral_fn.chat_complete(session, **CHAT, max_tokens=3)
    assert isinstance(result, Ok)
    assert (result.value.choices[0].message.content, result.value.choices[0].finish_reason) == ("This is a", "length")


def test_misspelt_operation_names_the_nearest(mock: MockServer) -> None:
    """A typo in an operation name is an error naming the real one, not a silently ignored entry."""
    with pytest.raises(ValueError, match="'chat_complete'"):
        mock.queue("chat_compleet", status=500)
    with pytest.raises(ValueError, match="'files_list'"):
        mock.fault("file_list", status=503)
    with pytest.raises(ValueError, match="'embeddings_create'"):
        mock.requests_for("embedding_create")
    assert mock.pending() == {}


def test_queued_answer_sends_each_header_once(mock: MockServer) -> None:
    """A queued answer with its own Content-Type replaces the default one instead of adding a second."""
    mock.reset()
    mock.queue("models_list", status=200, body="[]", headers={"Content-Type": "application/json"})
    raw = requests.get(f"{mock.url}/v1/models", headers={"Authorization": "Bearer k"}, timeout=10).raw
    mock.queue("models_list", status=500, headers={"content-type": "text/plain"}, body="boom")
    response = requests.get(f"{mock.url}/v1/models", headers={"Authorization": "Bearer k"}, timeout=10)
    assert raw.headers.getlist("Content-Type") == ["application/json"]
    assert response.raw.headers.getlist("Content-Type") == ["text/plain"]
