"""Type-checked only (mypy --strict runs over this file): `output=Person` makes the result `Parsed[Person]`."""

import attrs
from typing_extensions import assert_never, assert_type  # typing has them from 3.11

from mistral_fn import Err, Ok, Parsed, Session, chat_parse, chat_parse_stream, run_tools
from mistral_fn.errors import OutputRefusedError, OutputTruncatedError, OutputValidationError, ToolRoundsExceededError
from mistral_fn.parse import ChatParseError
from mistral_fn.result import Result
from mistral_fn.tools import ToolRun


@attrs.define
class Person:
    name: str
    age: int | None = None


def parse(session: Session) -> str:
    result = chat_parse(session, model="m", messages=[{"role": "user", "content": "hi"}], output=Person)
    declared: Result[Parsed[Person], ChatParseError] = result
    assert declared is result
    match result:
        case Ok(parsed):
            assert_type(parsed.value, Person)
            return parsed.value.name
        case Err(OutputTruncatedError(partial_text=text)):
            return text
        case Err(OutputValidationError(path=path)):
            return path
        case Err(OutputRefusedError()):
            return "refused"
        case Err(error):
            return str(error)
        case unexpected:
            assert_never(unexpected)


def tools(session: Session) -> str:
    def add(a: int, b: int) -> int:
        return a + b

    result = run_tools(session, model="m", messages=[], tools=[add])
    match result:
        case Ok(run):
            assert_type(run, ToolRun)
            return str(len(run.calls))
        case Err(ToolRoundsExceededError() as error):
            return str(error.run)
        case Err(error):
            return str(error)
        case unexpected:
            assert_never(unexpected)


def stream(session: Session) -> str:
    match chat_parse_stream(session, model="m", messages=[{"role": "user", "content": "hi"}], output=Person):
        case Ok(parse_stream):
            for partial in parse_stream.partials():
                assert_type(partial, Person)
            final: Result[Parsed[Person], ChatParseError] = parse_stream.final()
            return str(final)
        case Err(error):
            return str(error)
        case unexpected:
            assert_never(unexpected)
