"""chat_parse, chat_parse_stream and run_tools against MockServer, which answers instances of the schema sent."""

from collections.abc import Iterator

import pytest

from mistral_fn import Session, chat_parse, chat_parse_stream, run_tools
from mistral_fn.testing import MockServer

from .test_schema import Outer, Person, Tree

MESSAGES = [{"role": "user", "content": "anything"}]


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    with MockServer() as mock:
        yield Session(api_key="sk-test", server_url=mock.url)


@pytest.mark.parametrize("output", [Person, Tree, Outer])
def test_the_mock_answers_what_chat_parse_reads(session: Session, output: type) -> None:
    """Enums, dates, tuples, dicts, optionals and recursion through `$ref` all reach the mock and come back."""
    parsed = chat_parse(session, model="m", messages=MESSAGES, output=output).unwrap()
    assert isinstance(parsed.value, output)


def test_a_stream_from_the_mock_ends_in_the_same_value_as_its_last_partial(session: Session) -> None:
    with chat_parse_stream(session, model="m", messages=MESSAGES, output=Person).unwrap() as stream:
        partials = list(stream.partials())
        final = stream.final().unwrap()
    assert partials and partials[-1] == final.value


def test_run_tools_on_the_mock_without_calls_is_the_mock_answer(session: Session) -> None:
    def shout(text: str) -> str:
        """Upper case."""
        return text.upper()

    run = run_tools(session, model="m", messages=MESSAGES, tools=[shout]).unwrap()
    assert run.calls == [] and run.response is not None and run.response.choices[0].message.content
