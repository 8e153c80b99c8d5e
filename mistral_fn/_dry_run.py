"""`prepare(operation, session, ...)`: a dry run whose type says what it gives."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from .errors import InvalidRequestError
from .result import Result
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
    """The request `operation(session, ...)` would send, hooks applied, without sending it.

    The same as passing `dry_run=True`, with the return type a type checker can use:
    `prepare(chat_complete, session, model=..., messages=...)` is `Ok(PreparedRequest)`, or
    `Err(InvalidRequestError)` for arguments that do not fit.
    """
    kwargs["dry_run"] = True
    return operation(session, *args, **kwargs)
