"""Type-checked only (mypy --strict and pyright run over this file): a stream's failure is one of
`errors.StreamError`, exactly. The match below handles no `InvalidRequestError` (nothing is sent
mid-stream); if `results()` still listed it, `assert_never` would fail type checking.
"""

from typing_extensions import assert_never  # typing has it from 3.11

from mistral_fn import Err, Ok
from mistral_fn._runtime.streams import EventStream
from mistral_fn.errors import (
    ConnectionError,
    MistralError,
    RequestAbortedError,
    RequestTimeoutError,
    ResponseValidationError,
    StreamError,
    UnexpectedClientError,
)
from mistral_fn.models import CompletionEvent


def why_it_stopped(error: StreamError) -> str:
    match error:
        case ResponseValidationError():
            return "an event did not read"
        case MistralError(status_code=status):
            return f"error event ({status})"
        case ConnectionError() | RequestTimeoutError():
            return "the connection"
        case RequestAbortedError():
            return "cancelled"
        case UnexpectedClientError():
            return repr(error)
        case _:
            assert_never(error)


def read_all(stream: EventStream[CompletionEvent]) -> list[str]:
    out: list[str] = []
    for item in stream.results():
        match item:
            case Ok(event):
                out.append(str(event.data.id))
            case Err(error):
                out.append(why_it_stopped(error))
    return out
