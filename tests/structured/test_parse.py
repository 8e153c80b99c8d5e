"""chat_parse against a scripted model on 127.0.0.1: the request it sends and every way the answer can go."""

import json
import pickle
import time

import attrs
import pytest

from mistral_fn import Err, Ok, chat_parse, json_schema
from mistral_fn.errors import (
    HTTPValidationError,
    InvalidRequestError,
    MistralError,
    OutputError,
    OutputRefusedError,
    OutputTruncatedError,
    OutputValidationError,
    RequestTimeoutError,
)
from tests.loopback import Loopback

from .scripted import completion, say, session_for


@attrs.define
class Book:
    """A book mentioned in the text."""

    title: str
    authors: list[str]
    year: int | None = None


MESSAGES = [{"role": "user", "content": "I read 'Dune' by Frank Herbert."}]


def test_a_fitting_answer_is_ok_with_the_value_and_the_request_carries_the_strict_schema(server: Loopback) -> None:
    say(server, '{"title": "Dune", "authors": ["Frank Herbert"]}')
    result = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book, temperature=0)
    assert isinstance(result, Ok)
    parsed = result.unwrap()
    assert parsed.value == Book("Dune", ["Frank Herbert"], None)
    assert parsed.attempts == 1
    assert parsed.response.id == "cmpl-1"
    sent = server.requests[0].json()
    assert sent["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "Book", "schema": json_schema(Book), "strict": True},
    }
    assert sent["temperature"] == 0
    assert sent["messages"] == MESSAGES


@pytest.mark.parametrize("finish_reason", ["length", "model_length"])
def test_a_cut_answer_is_truncated_with_its_partial_text(server: Loopback, finish_reason: str) -> None:
    say(server, '{"title": "Du', finish_reason)
    result = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book, max_repairs=2)
    assert isinstance(result, Err)
    error = result.error
    assert isinstance(error, OutputTruncatedError)
    assert error.partial_text == '{"title": "Du'
    assert error.finish_reason == finish_reason
    assert error.response is not None and error.response.id == "cmpl-1"
    assert len(server.requests) == 1, "a truncated answer is not 'repaired' by asking again"


def test_an_answer_that_is_not_json_is_a_validation_error_at_the_root(server: Loopback) -> None:
    say(server, "Dune, by Frank Herbert")
    error = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).error  # type: ignore[union-attr]
    assert isinstance(error, OutputValidationError)
    assert error.raw_text == "Dune, by Frank Herbert"
    assert error.path == "$"
    assert "not JSON" in error.message


def test_an_answer_that_does_not_fit_names_the_path(server: Loopback) -> None:
    say(server, '{"title": "Dune", "authors": ["Frank Herbert", 7]}')
    error = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).error  # type: ignore[union-attr]
    assert isinstance(error, OutputValidationError)
    assert error.path == "$.authors[1]"
    assert error.problems == ["expected a string, got an integer @ $.authors[1]"]
    assert error.response is not None


def test_missing_required_and_unknown_fields_are_errors_not_unset(server: Loopback) -> None:
    say(server, '{"authors": [], "publisher": "Chilton"}')
    error = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).error  # type: ignore[union-attr]
    assert isinstance(error, OutputValidationError)
    assert sorted(error.problems) == ["required field missing @ $.title", "unknown field(s) ['publisher'] @ $"]


@pytest.mark.parametrize("content", [None, ""])
def test_no_content_is_a_refusal(server: Loopback, content: str | None) -> None:
    say(server, content)
    error = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).error  # type: ignore[union-attr]
    assert isinstance(error, OutputRefusedError)
    assert isinstance(error, OutputError)


def test_repairs_send_the_problems_back_and_count_attempts(server: Loopback) -> None:
    say(server, '{"title": "Dune"}')
    say(server, '{"title": "Dune", "authors": ["Frank Herbert"], "year": 1965}')
    result = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book, max_repairs=1)
    parsed = result.unwrap()
    assert parsed.value.year == 1965
    assert parsed.attempts == 2
    second = server.requests[1].json()["messages"]
    assert second[:1] == MESSAGES
    assert second[1] == {"role": "assistant", "content": '{"title": "Dune"}'}
    assert second[2]["role"] == "user" and "required field missing @ $.authors" in second[2]["content"]


def test_repairs_stop_at_max_repairs_with_the_last_error(server: Loopback) -> None:
    for _ in range(3):
        say(server, '{"title": 1, "authors": []}')
    result = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book, max_repairs=2)
    assert isinstance(result, Err) and isinstance(result.error, OutputValidationError)
    assert len(server.requests) == 3


def test_repairs_share_one_deadline(server: Loopback) -> None:
    def slow_wrong(_: object, conn: object) -> None:
        time.sleep(0.3)
        from tests.loopback import send_response

        send_response(conn, 200, json.dumps(completion('{"title": 1}')).encode(), {"Content-Type": "application/json"})  # type: ignore[arg-type]

    for _ in range(5):
        server.reply_fn(slow_wrong)
    started = time.monotonic()
    result = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book, max_repairs=4, deadline_ms=700)
    elapsed = time.monotonic() - started
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert elapsed < 0.7 + 1.0, elapsed  # the deadline, and a second of slack for a loaded machine
    assert len(server.requests) <= 3


def test_http_errors_are_those_of_chat_complete(server: Loopback) -> None:
    server.reply(422, {"detail": [{"loc": ["body", "model"], "msg": "bad", "type": "value_error"}]})
    server.reply(500, {"message": "boom"})
    session = session_for(server)
    first = chat_parse(session, model="m", messages=MESSAGES, output=Book)
    assert isinstance(first, Err) and isinstance(first.error, HTTPValidationError)
    second = chat_parse(session, model="m", messages=MESSAGES, output=Book)
    assert isinstance(second, Err) and isinstance(second.error, MistralError) and second.error.status_code == 500


def test_response_format_and_unexpressible_outputs_are_refused_before_sending(server: Loopback) -> None:
    @attrs.define
    class Loose:
        anything: object

    session = session_for(server)
    refused = chat_parse(session, model="m", messages=MESSAGES, output=Loose)
    assert isinstance(refused, Err) and isinstance(refused.error, InvalidRequestError)
    assert "Loose.anything" in refused.error.message
    doubled = chat_parse(session, model="m", messages=MESSAGES, output=Book, response_format={"type": "text"})
    assert isinstance(doubled, Err) and isinstance(doubled.error, InvalidRequestError)
    typo = chat_parse(session, model="m", messages=MESSAGES, output=Book, temprature=0)
    assert isinstance(typo, Err) and "temprature" in typo.error.message  # type: ignore[union-attr]
    assert server.requests == []


def test_output_errors_pickle_with_their_fields(server: Loopback) -> None:
    say(server, '{"title": "Dune", "authors": [1]}')
    error = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).error  # type: ignore[union-attr]
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, OutputValidationError)
    assert (again.message, again.raw_text, again.path) == (error.message, error.raw_text, error.path)


def test_content_chunks_are_read_as_their_text_without_the_thinking(server: Loopback) -> None:
    body = completion(None)
    body["choices"][0]["message"]["content"] = [
        {"type": "thinking", "thinking": [{"type": "text", "text": "Dune is a novel..."}]},
        {"type": "text", "text": '{"title": "Dune", '},
        {"type": "text", "text": '"authors": ["Frank Herbert"]}'},
    ]
    server.reply(200, body)
    parsed = chat_parse(session_for(server), model="m", messages=MESSAGES, output=Book).unwrap()
    assert parsed.value == Book("Dune", ["Frank Herbert"])
