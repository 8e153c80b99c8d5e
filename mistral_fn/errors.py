"""The errors an operation can return inside `Err`. They are returned, never raised by an operation."""

import builtins
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import requests

    from .models.validation_error import ValidationError


def _rebuild(cls: type[BaseException], state: dict[str, Any]) -> BaseException:
    """Unpickle one of our errors: their keyword-only constructors cannot take `args` back."""
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message"))
    error.__dict__.update(state)
    return error


def _portable(cause: object) -> object:
    """A cause that can cross a process: ours as they are, any other as its type's name and text.

    Other exceptions may hold what never leaves the process (a `requests` error keeps the request,
    `Authorization` header included), or fail to unpickle.
    """
    if cause is None or isinstance(cause, (MistralError, HTTPClientError, CauseSummary)):
        return cause
    if isinstance(cause, BaseException):
        cls = type(cause)
        return CauseSummary(f"{cls.__module__}.{cls.__qualname__}", str(cause))
    return None


class CauseSummary(Exception):
    """What an error keeps of a cause it cannot carry (across pickle, or one that shows the key):
    the cause's type name and its text."""

    def __init__(self, type_name: str, text: str) -> None:
        super().__init__(type_name, text)
        self.type_name = type_name
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"{self.type_name}({self.text!r})"


class MistralError(Exception):
    """The server answered with an HTTP error status (4XX or 5XX), or a redirect that is not followed."""

    __match_args__ = ("status_code", "message")

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: Mapping[str, str],
        body: str,
        raw_response: "requests.Response | None" = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.headers = headers
        self.body = body
        self.raw_response = raw_response
        self.retry_after = retry_after
        """Seconds the server's `Retry-After` asked to wait (RFC 9110 forms only), or None."""

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, message={self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The response (and the request inside it, with its headers) stays in this process.
        state = {**self.__dict__, "raw_response": None}
        if "cause" in state:
            state["cause"] = _portable(state["cause"])
        return (_rebuild, (type(self), state))


class HTTPValidationError(MistralError):
    """The server rejected the request as invalid (422), listing each problem in `detail`."""

    __match_args__ = ("detail",)

    def __init__(self, message: str, *, detail: "list[ValidationError]", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.detail = detail


class ResponseValidationError(MistralError):
    """A success response whose body cannot be read as the declared model."""

    __match_args__ = ("message",)

    def __init__(self, message: str, *, raw_value: object, cause: BaseException | None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.raw_value = raw_value
        self.cause = cause

    def pretty(self) -> str:
        """The message, the cause and the start of the body, on separate lines."""
        lines = [self.message, f"  status: {self.status_code}"]
        if self.cause is not None:
            lines.append(f"  cause: {self.cause}")
        lines.append(f"  body: {self.body[:2000]}")
        return "\n".join(lines)


class HTTPClientError(Exception):
    """Base of the errors raised on our side of the wire: nothing usable came back from the server."""

    __match_args__ = ("message",)

    def __init__(self, message: str, *, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), {**self.__dict__, "cause": _portable(self.cause)}))


class ConnectionError(HTTPClientError, builtins.ConnectionError):  # noqa: A001 - the name docs/API.md gives
    """Could not connect to the server, or the connection dropped.

    Also the builtin `ConnectionError`, so `case Err(ConnectionError())` matches whichever of the
    two names is in scope."""


class RequestTimeoutError(HTTPClientError, builtins.TimeoutError):
    """The timeout or the deadline passed before the response came back whole. Also the builtin `TimeoutError`."""


class RequestAbortedError(HTTPClientError):
    """The caller's `cancel` event was set."""


class InvalidRequestError(HTTPClientError):
    """The arguments do not fit the spec; nothing was sent."""


class MissingCredentialsError(InvalidRequestError):
    """No API key was found (neither `Session(api_key=...)` nor `MISTRAL_API_KEY`); nothing was sent.

    A misconfiguration of the caller's deployment rather than a bad argument: a service answering
    its own callers would say 500 for this, where it says 400 for an `InvalidRequestError`."""


class UnexpectedClientError(HTTPClientError):
    """Anything else that went wrong on the client side."""


CommonError: TypeAlias = (
    MistralError
    | ResponseValidationError
    | ConnectionError
    | RequestTimeoutError
    | RequestAbortedError
    | InvalidRequestError
    | UnexpectedClientError
)
"""The errors any operation can return (`MissingCredentialsError` is an `InvalidRequestError`)."""

StreamError: TypeAlias = (
    MistralError
    | ResponseValidationError
    | ConnectionError
    | RequestTimeoutError
    | RequestAbortedError
    | UnexpectedClientError
)
"""The errors a stream can fail with once it has started: an error event or an event that does not read
(`MistralError`, `ResponseValidationError`), the connection cut or silent too long, `cancel`, anything
else. Never `InvalidRequestError`: nothing is sent mid-stream."""


# -- Structured outputs and tools (chat_parse, chat_parse_stream, run_tools) -------------------------
# Every keyword has a default so that pickle's `cls(message)` rebuilds them (the state follows).


class OutputError(Exception):
    """The model answered, but not with a value of the requested type. `response` is its answer."""

    __match_args__ = ("message",)

    def __init__(self, message: str, *, response: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.response = response

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class OutputTruncatedError(OutputError):
    """The answer stopped at the token limit (`finish_reason` `length` or `model_length`).

    `partial_text` is what came before the cut, for the caller to show, keep or continue from.
    """

    __match_args__ = ("message", "partial_text")

    def __init__(self, message: str, *, partial_text: str = "", finish_reason: str = "length", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.partial_text = partial_text
        self.finish_reason = finish_reason


class OutputValidationError(OutputError):
    """The answer is not JSON, or does not fit the requested type.

    `raw_text` is the answer; `path` the JSON path of the first problem (`$` when not JSON at all);
    `problems` one `message @ path` line per problem.
    """

    __match_args__ = ("message", "path")

    def __init__(
        self, message: str, *, raw_text: str = "", path: str = "$", problems: "list[str] | None" = None, **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.raw_text = raw_text
        self.path = path
        self.problems = problems or [message]


class OutputRefusedError(OutputError):
    """The model answered without content (a refusal, or tool calls where a value was asked for)."""


class ToolRoundsExceededError(Exception):
    """`run_tools` reached `max_rounds` and the model still asked for tools; `run` is the run so far."""

    __match_args__ = ("message",)

    def __init__(self, message: str, *, run: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.run = run

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # What the tools raised is the caller's code: it crosses a process as its type's name and text.
        run = self.run
        if run is not None and hasattr(run, "calls"):
            import attrs

            calls = [attrs.evolve(c, error=_portable(c.error)) for c in run.calls]
            run = attrs.evolve(run, calls=calls)
        return (_rebuild, (type(self), {**self.__dict__, "run": run}))
