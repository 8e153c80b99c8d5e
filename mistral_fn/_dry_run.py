"""`prepare(operation, session, ...)`: the dry run, with a type that says what it gives."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from .errors import InvalidRequestError
from .result import Err, Ok, Result
from .session import Session

if TYPE_CHECKING:
    import requests

P = ParamSpec("P")


def prepare(
    operation: Callable[Concatenate[Session, P], Result[Any, Any]],
    session: Session,
    *args: P.args,
    **kwargs: P.kwargs,
) -> "Result[requests.PreparedRequest, InvalidRequestError]":
    """The request `operation(session, ...)` would send, `before_request` hooks applied; nothing is sent.

    `prepare(chat_complete, session, model=..., messages=...)` is `Ok(PreparedRequest)`, or
    `Err(InvalidRequestError)` for arguments that do not fit (and for anything else that stops the
    request before it would go out: a `cancel` already set, a hook that raises). Every keyword is
    the operation's own: `prepare(fine_tuning_jobs_create, session, ..., dry_run=True)` prepares a
    request carrying the API's own `dry_run=true`.
    """
    from ._runtime.invoke import PREPARING
    from .funcs import operation_of

    try:
        operation_of(operation)
    except ValueError as e:  # anything else could send: only the pipeline knows not to
        return Err(InvalidRequestError(f"prepare() takes an operation of mistral_fn: {e}", cause=e))
    token = PREPARING.set(True)
    try:
        result = operation(session, *args, **kwargs)
    finally:
        PREPARING.reset(token)
    if isinstance(result, Ok) or isinstance(result.error, InvalidRequestError):
        return result
    return Err(InvalidRequestError(f"the request could not be prepared: {result.error}", cause=result.error))
