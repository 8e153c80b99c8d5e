"""`Session`: credentials, server, retry policy and hooks; nothing else."""

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

import attrs

from . import _checks

if TYPE_CHECKING:
    import logging

    import requests

    from .ratelimit import Limiter, RateLimit

ApiKey = str | Callable[[], str]


class ProviderRefusal(Exception):
    """The session's provider cannot serve this operation or these arguments; nothing is sent."""


class Provider(Protocol):
    """Where a cloud deployment differs from api.mistral.ai (see `mistral_fn.providers`)."""

    def route(self, op: Any, path_and_query: str, payload: Any) -> tuple[str, Any]:
        """The path (and query) and JSON payload to send instead; raises ProviderRefusal to refuse."""
        ...


@attrs.frozen
class BackoffStrategy:
    """Exponential backoff; all times in milliseconds."""

    initial_interval: int = 500
    max_interval: int = 60000
    exponent: float = 1.5
    max_elapsed_time: int = 3600000

    def __attrs_post_init__(self) -> None:
        for name in ("initial_interval", "max_interval", "max_elapsed_time"):
            _refuse_ms(f"BackoffStrategy({name}=...)", getattr(self, name))
        exponent = self.exponent
        if isinstance(exponent, bool) or not isinstance(exponent, (int, float)):
            raise TypeError(f"BackoffStrategy(exponent=...): expected a number, got {_checks.shown(exponent)}")
        if not 1 <= exponent <= 100:
            got = _checks.shown(exponent)
            raise ValueError(f"BackoffStrategy(exponent=...): expected a number from 1 to 100, got {got}")


@attrs.frozen
class RetryConfig:
    """When and how to retry 429, 500, 502, 503 and 504 (and connection errors, if asked).

    Operations that create something are retried only where the request cannot have taken
    effect (no connection made, 429, 503 with `Retry-After`) unless `retry_unsafe` is set.
    """

    strategy: Literal["backoff", "none"] = "backoff"
    backoff: BackoffStrategy = attrs.field(factory=BackoffStrategy)
    retry_connection_errors: bool = False
    retry_unsafe: bool = False

    def __attrs_post_init__(self) -> None:
        if self.strategy not in ("backoff", "none"):  # anything else silently turned retries off
            got = _checks.shown(self.strategy)
            raise ValueError(f"RetryConfig(strategy=...): expected 'backoff' or 'none', got {got}")
        if not isinstance(self.backoff, BackoffStrategy):
            raise TypeError(f"RetryConfig(backoff=...): expected a BackoffStrategy, got {_checks.shown(self.backoff)}")
        for name in ("retry_connection_errors", "retry_unsafe"):
            if not isinstance(value := getattr(self, name), bool):
                raise TypeError(f"RetryConfig({name}=...): expected True or False, got {_checks.shown(value)}")


@attrs.frozen
class HookContext:
    """What a hook is told about the call it runs in."""

    operation_id: str
    base_url: str
    attempt: int


BeforeRequest = Callable[[HookContext, "requests.PreparedRequest"], "requests.PreparedRequest | None"]
AfterSuccess = Callable[[HookContext, "requests.Response"], "requests.Response | None"]
AfterError = Callable[[HookContext, "requests.Response | None", "BaseException | None"], None]


class CallStart:
    """What a call observer is told when a call begins (a plain class: attrs would cost import time)."""

    __slots__ = ("base_url", "body", "method", "operation_id", "path", "stream")

    def __init__(
        self, operation_id: str, method: str, path: str, base_url: str, body: Mapping[str, Any] | None, stream: bool
    ) -> None:
        self.operation_id = operation_id
        self.method = method
        self.path = path
        """The operation's path template (`/v1/chat/completions`)."""
        self.base_url = base_url
        self.body = body
        """The request-body keywords as the caller gave them (models or plain values)."""
        self.stream = stream

    def __repr__(self) -> str:
        return f"CallStart({self.operation_id!r}, {self.method} {self.base_url}{self.path}, stream={self.stream})"


class CallObserver(Protocol):
    """Follows one call from its start to its result (`mistral_fn.otel` traces with one)."""

    def retrying(self, attempt: int, error: BaseException | None, delay: float) -> None:
        """Attempt `attempt` failed with `error` and the next one starts in `delay` seconds."""

    def finished(self, result: Any) -> None:
        """The call's `Result`; for a stream, `Ok(EventStream)`, which the observer may `watch`."""


OnCall = Callable[[CallStart], CallObserver | None]


@attrs.frozen
class Hooks:
    """Functions called around each attempt; a hook returning a value replaces what it was given.

    `on_call` functions are called once per call, before anything is checked or sent; the observer
    one returns hears of each retry and of the call's result. An observer that raises is logged
    and ignored: watching a call never changes its result.
    """

    before_request: Sequence[BeforeRequest] = ()
    after_success: Sequence[AfterSuccess] = ()
    after_error: Sequence[AfterError] = ()
    on_call: Sequence[OnCall] = ()


def _refuse_ms(where: str, value: Any) -> None:
    """Raise for a refused number of milliseconds: TypeError for a non-number, ValueError for a bad one."""
    if (problem := _checks.milliseconds(value)) is not None:
        raise (TypeError if _checks.not_a_number(value) else ValueError)(f"{where}: {problem}")


def _refuse_url(where: str, value: Any) -> None:
    if (problem := _checks.url(value)) is not None:
        raise (TypeError if not isinstance(value, str) else ValueError)(f"{where}: {problem}")


def _check_session_arguments(given: dict[str, Any]) -> None:
    """Session's settings checked where they are given, so a mistake fails at its line, not at a first call."""
    key = given["api_key"]
    if key is not None and not isinstance(key, str) and not callable(key):
        raise TypeError(f"Session(api_key=...): expected a str or a zero-argument callable, got {_checks.shown(key)}")
    if given["server"] is not None and not isinstance(given["server"], str):
        raise TypeError(f"Session(server=...): expected a server name (str), got {_checks.shown(given['server'])}")
    if given["server_url"] is not None:
        _refuse_url("Session(server_url=...)", given["server_url"])
    if given["timeout_ms"] is not None:
        _refuse_ms("Session(timeout_ms=...)", given["timeout_ms"])
    if given["stream_idle_ms"] is not None:
        _refuse_ms("Session(stream_idle_ms=...)", given["stream_idle_ms"])
    for name, cls, accepted in (("retry_config", RetryConfig, "a RetryConfig"), ("hooks", Hooks, "a Hooks")):
        if (problem := _checks.instance_of(given[name], cls, accepted)) is not None:
            raise TypeError(f"Session({name}=...): {problem}")
    if (time_left := given["time_left"]) is not None and not callable(time_left):
        raise TypeError(f"Session(time_left=...): expected a zero-argument callable, got {_checks.shown(time_left)}")
    if not isinstance(given["strict_responses"], bool):
        raise TypeError(
            f"Session(strict_responses=...): expected a bool, got {_checks.shown(given['strict_responses'])}"
        )
    size = given["max_response_bytes"]
    if isinstance(size, bool) or not isinstance(size, int):
        raise TypeError(f"Session(max_response_bytes=...): expected an int, got {_checks.shown(size)}")
    if size <= 0:
        raise ValueError(f"Session(max_response_bytes=...): expected more than 0, got {_checks.shown(size)}")


DEFAULT_TIMEOUT_MS = 300_000
DEFAULT_MAX_RESPONSE_BYTES = 64 * 2**20


class Session:
    """Where and how operations are sent. Cheap to make, immutable, safe to share between threads.

    It holds settings only. What a session owns while it runs (its connection pool, what is worked
    out once per server) is made by the runtime on the first call and kept in `_transport`, the one
    slot this module knows nothing about except that it can be closed.
    """

    __slots__ = (
        "_api_key",
        "_debug_logger",
        "_frozen",
        "_transport",
        "hooks",
        "http_client",
        "limiter",
        "max_response_bytes",
        "provider",
        "retry_config",
        "server_url",
        "stream_idle_ms",
        "strict_responses",
        "time_left",
        "timeout_ms",
    )

    def __init__(
        self,
        api_key: ApiKey | None = None,
        server: str | None = None,
        server_url: str | None = None,
        retry_config: RetryConfig | None = None,
        timeout_ms: int | None = None,
        hooks: Hooks | None = None,
        http_client: "requests.Session | None" = None,
        debug_logger: "logging.Logger | None" = None,
        time_left: Callable[[], float] | None = None,
        provider: "Provider | None" = None,
        rate_limit: "RateLimit | None" = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        stream_idle_ms: int | None = None,
        strict_responses: bool = False,
    ) -> None:
        from .funcs._spec import SERVERS

        _check_session_arguments(locals())
        if server_url is None and server is None:
            server_url = os.environ.get("MISTRAL_SERVER_URL") or None
            if server_url is not None:
                _refuse_url("the MISTRAL_SERVER_URL variable", server_url)
        if server_url is None:
            name = server or "eu"
            if name not in SERVERS:
                raise ValueError(f"unknown server {name!r}; known: {', '.join(SERVERS)}")
            server_url = SERVERS[name]
        self._api_key = api_key
        self.server_url = server_url.rstrip("/")
        self.retry_config = retry_config
        self.timeout_ms = DEFAULT_TIMEOUT_MS if timeout_ms is None else timeout_ms
        self.max_response_bytes = max_response_bytes
        self.strict_responses = strict_responses
        """A 2XX body or stream event lacking a field the spec requires is `Err(ResponseValidationError)`
        naming it, instead of a value whose field reads `UNSET` (the default: the API adds and relaxes
        fields, and the spec names some it never sends, e.g. `ChatCompletionResponse.data`)."""
        self.stream_idle_ms = stream_idle_ms
        """The longest a stream may go without an event (comments do not count); None: the attempt's timeout."""
        """The most a JSON body (or one event of a stream) may hold, decoded; more ends the call in `Err`."""
        self.hooks = hooks
        self.time_left = time_left
        self.provider = provider
        self.http_client = http_client
        """The `requests.Session` given to send with (not watched), or None: the runtime makes its own."""
        self.limiter: Limiter | None = None if rate_limit is None else rate_limit.limiter()
        """The rate limit every call through this session shares (`mistral_fn.ratelimit`)."""
        self._debug_logger = debug_logger
        self._transport: Any = None
        self._frozen = True  # set last: from here on, settings are read-only

    def __setattr__(self, name: str, value: object) -> None:
        if name != "_debug_logger" and hasattr(self, "_frozen"):
            raise AttributeError("Session settings are immutable; make a new Session")
        object.__setattr__(self, name, value)

    def _attach(self, transport: Any) -> None:
        """Keep what the runtime made for this session (once, by `_runtime.transport`)."""
        object.__setattr__(self, "_transport", transport)

    def with_hooks(self, hooks: Hooks | None) -> "Session":
        """This session with other hooks: every other setting (the key included) as it is here.
        The new session makes its own connection pool on its first call."""
        twin = object.__new__(Session)
        for name in Session.__slots__:
            if name not in ("_frozen", "_transport", "hooks"):
                object.__setattr__(twin, name, getattr(self, name))
        object.__setattr__(twin, "hooks", hooks)
        object.__setattr__(twin, "_transport", None)
        object.__setattr__(twin, "_frozen", True)
        return twin

    def __repr__(self) -> str:
        key = "<callable>" if callable(self._api_key) else "<set>" if self._api_key else "<from env>"
        return f"Session(server_url={self.server_url!r}, api_key={key}, timeout_ms={self.timeout_ms})"

    def resolve_api_key(self) -> str | None:
        """The key to send now: the given string, the callable's answer, or MISTRAL_API_KEY."""
        key = self._api_key
        if key is None:
            return os.environ.get("MISTRAL_API_KEY") or None
        return key() if callable(key) else key

    @property
    def debug_logger(self) -> "logging.Logger | None":
        """The logger for request/response traces: the one given, or one when MISTRAL_DEBUG=true."""
        logger = self._debug_logger
        if logger is None and os.environ.get("MISTRAL_DEBUG", "").lower() in ("1", "true", "yes"):
            import logging  # only for tracing: a call without it sets up nothing

            logger = logging.getLogger("mistral_fn")
            if logger.level == logging.NOTSET:
                logger.setLevel(logging.DEBUG)
            if not logger.handlers:
                logger.addHandler(logging.StreamHandler())
        return logger

    def close(self) -> None:
        """Close the connection pool (only needed where sessions are made and dropped many times)."""
        if self._transport is not None:
            self._transport.close()
        elif self.http_client is not None:
            self.http_client.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
