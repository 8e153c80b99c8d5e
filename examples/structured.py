"""Structured outputs: an answer that is an instance of your attrs class. Real API with MISTRAL_API_KEY; else the mock.

chat_parse sends the class's strict JSON Schema as response_format and gives back a typed value, or an
error saying exactly why not: cut at the token limit (with the text so far), not fitting (with the JSON
path), or no answer at all. chat_parse_stream shows the value while it streams. (The mock answers a
JSON instance of the schema it is sent; only the cut answer is scripted.)
"""

import json
import sys

import attrs
from _common import failed, script_completion, session_for_example

from mistral_fn import UNSET, Err, Ok, Session, chat_parse, chat_parse_stream, json_schema
from mistral_fn.errors import OutputRefusedError, OutputTruncatedError, OutputValidationError

MODEL = "mistral-small-latest"


@attrs.define
class Book:
    """A book mentioned in the text."""

    title: str
    authors: list[str]
    year: int | None = attrs.field(default=None, metadata={"description": "year of first publication"})


MESSAGES = [
    {"role": "system", "content": "Extract the book mentioned by the user."},
    {"role": "user", "content": "I just finished 'Dune' by Frank Herbert, first published in 1965."},
]


def parse(session: Session) -> bool:
    print("schema:", json.dumps(json_schema(Book))[:100], "...")
    match chat_parse(session, model=MODEL, messages=MESSAGES, output=Book, temperature=0, max_repairs=1):
        case Ok(parsed):
            book = parsed.value  # a Book; a type checker knows it too
            print(f"parse: {book.title!r} by {', '.join(book.authors)} ({book.year}), {parsed.attempts} attempt(s)")
            return True
        case Err(OutputTruncatedError(partial_text=text)):
            print(f"parse: cut at the token limit after {len(text)} characters", file=sys.stderr)
        case Err(OutputValidationError(path=path) as error):
            print(f"parse: the answer does not fit Book at {path}: {error.raw_text!r}", file=sys.stderr)
        case Err(OutputRefusedError()):
            print("parse: the model gave no answer", file=sys.stderr)
        case Err(error):
            failed("parse", error)
    return False


def stream(session: Session) -> bool:
    match chat_parse_stream(session, model=MODEL, messages=MESSAGES, output=Book, temperature=0):
        case Ok(parse_stream):
            with parse_stream:
                for partial in parse_stream.partials():  # Books; UNSET where the answer has not said yet
                    shown = {k: v for k, v in attrs.asdict(partial, recurse=False).items() if v is not UNSET}
                    print("stream: partial", shown)
                final = parse_stream.final()
            match final:
                case Ok(parsed):
                    print("stream: final", parsed.value)
                    return True
                case Err(error):
                    failed("stream", error)
        case Err(error):
            failed("stream", error)
    return False


def truncated(session: Session) -> bool:
    """A cut answer is its own error, holding the partial text, not a JSON error."""
    script_completion("chat_complete", content='{"title": "Du', finish_reason="length")  # on the mock only
    match chat_parse(session, model=MODEL, messages=MESSAGES, output=Book, max_tokens=5):
        case Err(OutputTruncatedError(partial_text=text)):
            print(f"truncated: OutputTruncatedError, partial text {text!r}")
            return True
        case Ok(parsed):
            print(f"truncated: the model fitted it in 5 tokens: {parsed.value}")
            return True
        case Err(error):
            failed("truncated", error)
    return False


def main() -> int:
    with session_for_example("structured") as session:
        results = [parse(session), stream(session), truncated(session)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
