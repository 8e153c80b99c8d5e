"""Type-checked only (mypy --strict runs over this file): an exhaustive match over an operation's result.

If an operation could return an error type the match below does not handle, `assert_never` fails
type checking. This is the pattern docs/API.md promises users: `case Ok(...)`, then each error class.
"""

from typing_extensions import assert_never  # typing has it from 3.11

from mistral_fn import Err, Ok, Session, chat_complete
from mistral_fn.errors import (
    ConnectionError,
    HTTPValidationError,
    InvalidRequestError,
    MistralError,
    RequestAbortedError,
    RequestTimeoutError,
    ResponseValidationError,
    UnexpectedClientError,
)
from mistral_fn.funcs.chat_complete import ChatCompleteError
from mistral_fn.models import ChatCompletionResponse
from mistral_fn.result import Result


def describe(result: Result[ChatCompletionResponse, ChatCompleteError]) -> str:
    match result:
        case Ok(response):
            return str(response.id)
        case Err(MistralError(status_code=429)):  # nested patterns read well but do not narrow `Err[E]`
            return "rate limited"
        case Err(error):
            return describe_error(error)
        case _:
            assert_never(result)


def describe_error(error: ChatCompleteError) -> str:
    """Matching the error itself lets mypy prove that every error class is handled."""
    match error:
        case HTTPValidationError(detail=detail):
            return f"invalid: {len(detail)} problems"
        case ResponseValidationError():
            return error.pretty()
        case MistralError(status_code=status):
            return f"HTTP {status}"
        case ConnectionError() | RequestTimeoutError() | RequestAbortedError():
            return f"transport: {error.message}"
        case InvalidRequestError(message=message):
            return message
        case UnexpectedClientError():
            return repr(error)
        case _:
            assert_never(error)


def call(session: Session) -> str:
    return describe(chat_complete(session, model="mistral-small-latest", messages=[{"role": "user", "content": "hi"}]))


def dry_run(session: Session) -> str:
    """prepare() is typed: its Ok holds a PreparedRequest, so `.body` type-checks."""
    from mistral_fn import prepare

    match prepare(chat_complete, session, model="m", messages=[{"role": "user", "content": "hi"}]):
        case Ok(request):
            return str(request.body)
        case Err(error):
            return error.message
