"""`chat_parse`: a chat completion whose answer is an instance of the caller's attrs class.

    match chat_parse(session, model="mistral-small-latest", messages=[...], output=Person):
        case Ok(parsed):
            parsed.value          # a Person
        case Err(OutputTruncatedError(partial_text=text)):
            ...

The request carries the class's strict JSON Schema (`json_schema`) as `response_format`; the
answer is read through a strict cattrs converter. A cut answer (`finish_reason` `length`) is
`OutputTruncatedError` with the text so far, not a JSON error; with `max_repairs`, an answer that
does not fit is sent back with the problems and asked again, within the same deadline.
"""

import functools
import json
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeAlias, TypeVar

import attrs

from . import errors
from ._keywords import unknown_keywords
from ._structure import StructureError, structure
from .funcs.chat_complete import ChatCompleteError, chat_complete
from .models.chat_completion_response import ChatCompletionResponse
from .result import Err, Ok, Result
from .schema import UnsupportedTypeError, json_schema
from .session import Session

T = TypeVar("T")

ChatParseError: TypeAlias = (
    errors.OutputTruncatedError | errors.OutputValidationError | errors.OutputRefusedError | ChatCompleteError
)
"""What `chat_parse` and `ParseStream.final()` can return in `Err`."""

TRUNCATED = frozenset(("length", "model_length"))


@attrs.frozen
class Parsed(Generic[T]):
    """A parsed answer: `value` (a `T`), the whole `response`, and `attempts` (1 without repairs)."""

    value: T
    response: ChatCompletionResponse
    attempts: int = 1


@functools.lru_cache(maxsize=256)  # compiling a schema costs ~0.1 ms; the request only reads it
def response_format(output: type, name: str | None = None) -> dict[str, Any]:
    """The `response_format` that asks for `output` in strict mode; raises `UnsupportedTypeError`."""
    schema = json_schema(output)
    return {"type": "json_schema", "json_schema": {"name": name or output.__name__, "schema": schema, "strict": True}}


def chat_parse(
    session: Session,
    *,
    model: str,
    messages: Sequence[Mapping[str, Any] | Any],
    output: type[T],
    max_repairs: int = 0,
    schema_name: str | None = None,
    **chat_complete_kwargs: Any,
) -> Result[Parsed[T], ChatParseError]:
    """Ask for an answer of type `output` (an attrs class); every other keyword goes to `chat_complete`.

    `max_repairs` > 0: an answer that does not fit is sent back with what is wrong, up to that many
    times; `deadline_ms` bounds all of the attempts together. `schema_name` names the schema
    (default: the class name).
    """
    try:
        return _chat_parse(session, model, messages, output, max_repairs, schema_name, chat_complete_kwargs)
    except Exception as e:  # noqa: BLE001 - a bug of ours must still come back as a value
        return Err(errors.UnexpectedClientError(f"chat_parse: unexpected {type(e).__name__}: {e}", cause=e))


def _chat_parse(
    session: Session,
    model: str,
    messages: Sequence[Any],
    output: type[T],
    max_repairs: int,
    schema_name: str | None,
    chat_complete_kwargs: dict[str, Any],
) -> Result[Parsed[T], ChatParseError]:
    prepared = _prepare(output, schema_name, chat_complete_kwargs, chat_complete)
    if isinstance(prepared, Err):
        return prepared
    started = time.monotonic()
    deadline_ms = chat_complete_kwargs.pop("deadline_ms", None)
    history = list(messages)
    attempts = 0
    while True:
        attempts += 1
        left = _left_ms(deadline_ms, started)
        if left is not None and left <= 0:
            return Err(errors.RequestTimeoutError(f"deadline_ms={deadline_ms} ran out after {attempts - 1} attempts"))
        called = chat_complete(
            session, model=model, messages=history, response_format=prepared, deadline_ms=left, **chat_complete_kwargs
        )
        if isinstance(called, Err):
            return called
        outcome = read_output(called.value, output)
        if isinstance(outcome, Ok):
            return Ok(Parsed(outcome.value, called.value, attempts))
        error = outcome.error
        if not isinstance(error, errors.OutputValidationError) or attempts > max_repairs:
            return outcome  # type: ignore[return-value]  # Err[OutputError] is an Err of ChatParseError
        history += repair_messages(error)


def _prepare(
    output: type, name: str | None, kwargs: dict[str, Any], operation: Callable[..., Any]
) -> dict[str, Any] | Err[ChatParseError]:
    if "response_format" in kwargs:
        return Err(errors.InvalidRequestError("response_format: chat_parse sets it from `output`; leave it out"))
    refused = unknown_keywords(operation, kwargs, "chat_parse")
    if refused is not None:
        return Err(refused)
    try:
        return response_format(output, name)
    except UnsupportedTypeError as e:
        return Err(errors.InvalidRequestError(f"output: {e}", cause=e))


def _left_ms(deadline_ms: int | None, started: float) -> int | None:
    if deadline_ms is None:
        return None
    return int(deadline_ms - (time.monotonic() - started) * 1000)


def answer_text(response: ChatCompletionResponse) -> tuple[str | None, str | None]:
    """The first choice's text content (None when it has none) and its finish_reason."""
    choices = response.choices or []
    if not choices:
        return None, None
    choice = choices[0]
    content = getattr(choice.message, "content", None)
    if isinstance(content, list):  # content chunks: their text (a reasoning model's thinking has none)
        content = "".join(t for c in content if isinstance(t := getattr(c, "text", None), str))
    finish = choice.finish_reason if isinstance(choice.finish_reason, str) else None
    return (content if isinstance(content, str) else None), finish


def read_output(response: ChatCompletionResponse, output: type[T]) -> Result[T, errors.OutputError]:
    """The answer of `response` as a `T`, or the OutputError that says why not."""
    text, finish = answer_text(response)
    if finish in TRUNCATED:
        return Err(
            errors.OutputTruncatedError(
                f"the answer was cut at the token limit (finish_reason {finish!r}) after {len(text or '')} characters",
                partial_text=text or "",
                finish_reason=finish or "length",
                response=response,
            )
        )
    if not text:
        return Err(
            errors.OutputRefusedError(f"the answer has no content (finish_reason {finish!r})", response=response)
        )
    return parse_text(text, output, response)


def parse_text(text: str, output: type[T], response: Any) -> Result[T, errors.OutputError]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        return Err(
            errors.OutputValidationError(f"the answer is not JSON: {e}", raw_text=text, path="$", response=response)
        )
    try:
        return Ok(structure(data, output))
    except StructureError as e:
        message = f"the answer does not fit {output.__name__}: {e}"
        return Err(
            errors.OutputValidationError(message, raw_text=text, path=e.path, problems=e.problems, response=response)
        )


def repair_messages(error: errors.OutputValidationError) -> list[dict[str, Any]]:
    """The turn that sends a failed answer back: the answer, then what is wrong with it."""
    problems = "\n".join(f"- {p}" for p in error.problems)
    return [
        {"role": "assistant", "content": error.raw_text},
        {
            "role": "user",
            "content": f"That answer does not fit the required JSON schema:\n{problems}\n"
            "Answer again with only the corrected JSON.",
        },
    ]


__all__ = ["ChatParseError", "Parsed", "chat_parse", "read_output", "response_format"]
