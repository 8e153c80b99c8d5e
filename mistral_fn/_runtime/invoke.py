"""The request pipeline every operation calls: check, encode, hooks, send, retry, decode.

An operation module declares an `Operation` and passes its keywords to `invoke`; everything that
can go wrong on the way comes back as `Err(...)`, never as an exception.
"""

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import errors
from .._version import VERSION
from ..errors import MistralError
from ..result import Err, Meta, Ok, Result
from ..session import HookContext, Hooks, ProviderRefusal, RetryConfig, Session
from . import convert, encode, retries
from .cancel import run_cancellable
from .redact import redact, redacted_headers, scrub

if TYPE_CHECKING:
    import requests

USER_AGENT = f"mistral-fn/{VERSION} (python)"


@dataclass(frozen=True, slots=True)
class Operation:
    """What one operation sends and what it expects back; declared once per operation module."""

    operation_id: str
    method: str
    path: str
    ok: Mapping[int, Any]
    """Success status -> model of the body (`None`: no body; `BinaryResponse`: raw bytes)."""
    errors: Mapping[int, type[MistralError]] = field(default_factory=dict)
    body: Any = None
    """Model the keyword arguments of the request body are checked against."""
    files: frozenset[str] = frozenset()
    """Body properties that are uploads; when any, the body is multipart/form-data."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """Path and query parameter -> type, for checking the caller's values."""
    json_query: frozenset[str] = frozenset()
    """Query parameters the spec sends as compact JSON (`content: application/json`)."""
    accept: str = "application/json"
    events: Any = None
    """Model of one event, for streaming operations."""
    end_marker: str | None = None
    """The `data:` payload that ends the stream (`[DONE]`), where the API sends one."""
    collect_into: Any = None
    """Response model `EventStream.collect()` rebuilds from a completion stream (chat, fim, agents)."""
    creates: bool = False
    """A POST that makes a new resource: retried only where the request cannot have taken effect."""
    pages: "Pages | None" = None
    """Set on list operations that page (`page` and `page_size` query parameters): how to walk them."""


@dataclass(frozen=True, slots=True)
class Pages:
    """How a list operation pages: `page` counts from 0, `page_size` items per page."""

    items: str | None = None
    """The response attribute holding one page's items; None where the response is the list itself."""
    total: str | None = None
    """Dotted path of the response attribute counting the items of all pages, where there is one
    (`total`, `pagination.total_items`); it may still be `UNSET` or `None` in a given response."""
    page_size: int | None = None
    """The page size the server uses when `page_size` is left out (the spec's default)."""


class Call(NamedTuple):
    """The per-call options every operation accepts."""

    retries: RetryConfig | None = None
    timeout_ms: int | None = None
    server_url: str | None = None
    http_headers: Mapping[str, str] | None = None
    cancel: threading.Event | None = None
    deadline_ms: int | None = None
    dry_run: bool = False


_NO_CALL = Call()
_NO_PARAMS: Mapping[str, Any] = {}


def invoke(
    session: Session,
    op: Operation,
    *,
    path: Mapping[str, Any] = _NO_PARAMS,
    query: Mapping[str, Any] = _NO_PARAMS,
    body: Mapping[str, Any] | None = None,
    call: Call = _NO_CALL,
) -> Result[Any, Any]:
    """Run one operation and return `Ok(value)` or `Err(error)`; never raises for a known failure."""
    api_key: str | None = None
    try:
        api_key = session.resolve_api_key()
        result = _invoke(session, op, path, query, body, call, api_key)
    except Exception as e:  # noqa: BLE001 - a bug of ours must still come back as a value
        result = Err(errors.UnexpectedClientError(f"{op.operation_id}: unexpected {type(e).__name__}: {e}", cause=e))
    if not result.ok:
        scrub(result.error, api_key)  # type: ignore[union-attr]  # the key may be in an argument, a URL, a cause
    return result


def _invoke(
    session: Session,
    op: Operation,
    path: Mapping[str, Any],
    query: Mapping[str, Any],
    body: Mapping[str, Any] | None,
    call: Call,
    api_key: str | None,
) -> Result[Any, Any]:
    if call.cancel is not None and call.cancel.is_set():
        return Err(errors.RequestAbortedError("cancelled before sending"))
    try:
        request = encode.encode_request(op, path, query, body, session.provider)
    except convert.ConversionError as e:
        return Err(errors.InvalidRequestError(f"invalid argument {e.where[2:] or 'body'}: {e.problem}", cause=e))
    except ProviderRefusal as e:
        return Err(errors.InvalidRequestError(str(e), cause=e))

    if not api_key:
        return Err(
            errors.InvalidRequestError("no API key: pass Session(api_key=...) or set the MISTRAL_API_KEY variable")
        )
    if "\n" in api_key or "\r" in api_key:
        # http.client would refuse the header with a message quoting it, key included.
        return Err(errors.InvalidRequestError("the API key contains a line break (read from a file? strip it)"))
    if not api_key.isascii() and not _latin_1(api_key):
        return Err(errors.InvalidRequestError("the API key has characters outside Latin-1, which no header can carry"))
    if call.http_headers:
        problem = encode.header_problem(call.http_headers)
        if problem is not None:
            return Err(errors.InvalidRequestError(f"invalid argument http_headers: {problem}"))
    base_url = (call.server_url or session.server_url).rstrip("/")
    headers = {
        "Authorization": f"Bearer {api_key}",
        "Accept": op.accept,
        "User-Agent": USER_AGENT,
    }
    if request.content_type is not None:
        headers["Content-Type"] = request.content_type
    if call.http_headers:
        headers.update(call.http_headers)

    budget = retries.Budget.start(session, call)
    policy = call.retries or session.retry_config
    logger = session.debug_logger
    hooks = session.hooks
    attempt = 0
    while True:
        attempt += 1
        prepared = _prepare(session, op, base_url + request.path_and_query, headers, request)
        if hooks is not None and hooks.before_request:
            prepared = _run_before_request(hooks, HookContext(op.operation_id, base_url, attempt), prepared)
        if call.dry_run:
            return Ok(prepared)
        timeout = budget.attempt_timeout()
        if timeout is None:
            return Err(errors.RequestTimeoutError(budget.exhausted_message()))
        if logger is not None:
            logger.debug(
                "-> %s %s headers=%s",
                prepared.method,
                redact(str(prepared.url), api_key),
                redacted_headers(prepared.headers, api_key),
            )
        ctx = HookContext(op.operation_id, base_url, attempt) if hooks is not None else None
        outcome = _attempt(session, op, prepared, timeout, call.cancel, budget, api_key, ctx)
        if outcome.error is not None:
            scrub(outcome.error, api_key)
        if logger is not None:
            logger.debug(
                "<- %s attempt %d: %s",
                redact(str(prepared.url), api_key),
                attempt,
                redact(repr(outcome.result), api_key),
            )
        if hooks is not None and hooks.after_error and not outcome.result.ok:
            for error_hook in hooks.after_error:
                error_hook(ctx, outcome.response, outcome.error)  # type: ignore[arg-type]
        if outcome.result.ok:
            return _with_meta(outcome, attempt)
        if isinstance(outcome.error, errors.RequestTimeoutError) and budget.cut(timeout):
            return Err(errors.RequestTimeoutError(budget.exhausted_message(), cause=outcome.error))
        delay = retries.next_delay(policy, op, outcome, attempt, budget)
        if delay is None:
            return outcome.result
        if not budget.can_wait(delay):
            return Err(errors.RequestTimeoutError(budget.exhausted_message(waiting=delay), cause=outcome.error))
        if logger is not None:
            logger.debug("retrying %s in %.3f s after %r", op.operation_id, delay, outcome.error)
        if call.cancel is not None:
            if call.cancel.wait(delay):
                return Err(errors.RequestAbortedError("cancelled while waiting to retry", cause=outcome.error))
        else:
            time.sleep(delay)
        request.rewind()


def _latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _prepare(
    session: Session, op: Operation, url: str, headers: dict[str, str], request: "encode.EncodedRequest"
) -> "requests.PreparedRequest":
    import requests
    from requests.structures import CaseInsensitiveDict

    client = session.http_client
    prepared = requests.PreparedRequest()
    prepared.method = op.method
    prepared.url = url
    prepared.hooks = {"response": []}
    prepared.prepare_cookies(client.cookies)
    merged: CaseInsensitiveDict[str] = CaseInsensitiveDict()
    if client.headers:
        merged.update({k: v if isinstance(v, str) else v.decode() for k, v in client.headers.items()})
    merged.update(headers)
    prepared.headers = merged
    # requests sends any iterable body; its stubs only know bytes and str.
    prepared.body = request.body()  # type: ignore[assignment]
    if request.length is not None:
        merged["Content-Length"] = str(request.length)
    elif prepared.body is not None and not isinstance(prepared.body, bytes):
        merged["Transfer-Encoding"] = "chunked"
    if client.auth is not None:
        prepared.prepare_auth(client.auth)
    return prepared


def _run_before_request(
    hooks: Hooks, ctx: HookContext, prepared: "requests.PreparedRequest"
) -> "requests.PreparedRequest":
    for hook in hooks.before_request:
        replacement = hook(ctx, prepared)
        if replacement is not None:
            prepared = replacement
    return prepared


class Outcome(NamedTuple):
    """One attempt's result, with what retry decisions need to know about it."""

    result: Result[Any, Any]
    response: "requests.Response | None"
    connected: bool
    """False where no connection was made, so the request cannot have taken effect."""

    @property
    def error(self) -> BaseException | None:
        return None if self.result.ok else self.result.error  # type: ignore[union-attr]


def _with_meta(outcome: Outcome, attempts: int) -> Result[Any, Any]:
    response = outcome.response
    value = outcome.result.value  # type: ignore[union-attr]
    if response is None:
        return Ok(value)
    return Ok(value, Meta(response.status_code, response.headers, attempts))


def _attempt(
    session: Session,
    op: Operation,
    prepared: "requests.PreparedRequest",
    timeout: float,
    cancel: threading.Event | None,
    budget: "retries.Budget",
    api_key: str,
    ctx: HookContext | None,
) -> Outcome:
    """One attempt; with a `cancel` event it runs aside, so that cancelling need not wait for the socket."""
    if cancel is None:
        return _send_and_decode(session, op, prepared, timeout, None, budget, api_key, ctx)
    outcome = run_cancellable(
        lambda: _send_and_decode(session, op, prepared, timeout, cancel, budget, api_key, ctx),
        cancel,
        discard=_close_outcome,
    )
    if outcome is None:
        return Outcome(Err(errors.RequestAbortedError("cancelled while waiting for the response")), None, True)
    return outcome


def _base_of(url: str | None) -> str:
    """scheme://host[:port] of a URL: the key the session caches environment settings under."""
    scheme, _, rest = (url or "").partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def _close_outcome(outcome: Outcome) -> None:
    value = outcome.result.value if outcome.result.ok else None  # type: ignore[union-attr]
    close = getattr(value, "close", None)
    if callable(close):
        close()
    if outcome.response is not None:
        outcome.response.close()


def _send_and_decode(
    session: Session,
    op: Operation,
    prepared: "requests.PreparedRequest",
    timeout: float,
    cancel: threading.Event | None,
    budget: "retries.Budget",
    api_key: str,
    ctx: HookContext | None,
) -> Outcome:
    from . import responses

    client = session.http_client
    settings = session.environment_settings(_base_of(prepared.url))
    watch = None
    if session.watched:
        from .watchdog import WATCHDOG

        # A little later than the socket timeouts, so that theirs (more precise) speak when they can.
        watch = WATCHDOG.watch(timeout + _WATCHDOG_GRACE)
    try:
        try:
            response = client.send(prepared, timeout=(timeout, timeout), stream=True, allow_redirects=True, **settings)
        except Exception as e:  # noqa: BLE001 - every transport failure is classified, never raised
            error, connected = responses.classify_transport_error(e, timeout)
            if watch is not None and watch.expired and isinstance(error, errors.ConnectionError):
                error = _attempt_timed_out(timeout, e)  # the watchdog cut the socket
            return Outcome(Err(error), None, connected)
        hooks = session.hooks
        if ctx is not None and hooks is not None and hooks.after_success and 200 <= response.status_code < 300:
            for hook in hooks.after_success:  # a replacement is what gets decoded
                response = hook(ctx, response) or response
        result = responses.decode(op, response, budget.attempt_end(timeout), cancel, api_key)
        if watch is not None and watch.expired and isinstance(result, Err):
            if isinstance(result.error, errors.ConnectionError):
                result = Err(_attempt_timed_out(timeout, result.error))
        return Outcome(result, response, True)
    finally:
        if watch is not None:
            WATCHDOG.release(watch)


_WATCHDOG_GRACE = 0.1  # seconds


def _attempt_timed_out(timeout: float, cause: BaseException) -> errors.RequestTimeoutError:
    return errors.RequestTimeoutError(f"timed out: no whole response within {timeout:.3f} s", cause=cause)
