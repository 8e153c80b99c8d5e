"""The request pipeline every operation calls: check, encode, hooks, send, retry, decode.

An operation module declares an `Operation` and passes its keywords to `invoke`; everything that
can go wrong on the way comes back as `Err(...)`, never as an exception. This module is the loop;
sending is `transport`'s, reading a response is `responses`', when to retry is `retries`'.
"""

import threading
import time
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .. import errors
from .._version import VERSION
from ..result import Err, Meta, Ok, Result
from ..session import CallObserver, CallStart, HookContext, Hooks, ProviderRefusal, Session
from . import convert, encode, options, retries, transport
from .cancel import run_cancellable
from .operation import Call, Operation, Outcome, Pages
from .redact import redact, redacted_headers, scrub

if TYPE_CHECKING:
    import requests

    from ..ratelimit import Limiter
    from .watchdog import Watch

__all__ = ["Call", "Operation", "Outcome", "Pages", "invoke"]  # generated modules import these from here

USER_AGENT = f"mistral-fn/{VERSION} (python)"


PREPARING: ContextVar[bool] = ContextVar("mistral_fn_preparing", default=False)
"""True while `prepare()` runs an operation: the pipeline returns the request it would send, hooks
applied, instead of sending it. A context variable, not an option: no operation's keywords (one has a
`dry_run` of its own) and no return annotation change for it."""

_T = TypeVar("_T")
_NO_CALL = Call()
_NO_PARAMS: Mapping[str, Any] = {}


class Attempts(NamedTuple):
    """One call's session and options, resolved once: what every attempt of the call reads."""

    op: Operation
    transport: transport.Transport
    hooks: Hooks | None
    cancel: threading.Event | None
    budget: retries.Budget
    api_key: str
    max_bytes: int
    idle: float | None
    """Seconds a stream may go without an event (None: the attempt's timeout)."""
    request: encode.EncodedRequest
    strict: bool
    """`Session(strict_responses=True)`: a required field missing from a 2XX body or event is an error."""


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
    if call is not _NO_CALL and (problem := options.problem(call)) is not None:
        return Err(errors.InvalidRequestError(problem))
    api_key: str | None = None
    hooks = session.hooks
    observers: tuple[CallObserver, ...] = ()
    if hooks is not None and hooks.on_call and not PREPARING.get():
        observers = _start_observing(hooks, op, (call.server_url or session.server_url).rstrip("/"), body)
    try:
        api_key = session.resolve_api_key()
        result = _invoke(session, op, path, query, body, call, api_key, observers)
    except Exception as e:  # noqa: BLE001 - a bug of ours must still come back as a value
        result = Err(errors.UnexpectedClientError(f"{op.operation_id}: unexpected {type(e).__name__}: {e}", cause=e))
    if not result.ok:
        scrub(result.error, api_key)  # type: ignore[union-attr]  # the key may be in an argument, a URL, a cause
    for observer in observers:
        _tell(observer.finished, result)
    return result


def _start_observing(
    hooks: Hooks, op: Operation, base_url: str, body: Mapping[str, Any] | None
) -> tuple[CallObserver, ...]:
    start = CallStart(op.operation_id, op.method, op.path, base_url, body, op.events is not None)
    observers = (_tell(on_call, start) for on_call in hooks.on_call)
    return tuple(observer for observer in observers if observer is not None)


def _tell(function: Callable[..., _T], *args: Any) -> _T | None:
    """Call an observer: what it raises is logged, never the call's business (Hooks' promise)."""
    try:
        return function(*args)
    except Exception:
        import logging

        logging.getLogger("mistral_fn").warning("a call observer failed", exc_info=True)
        return None


def _invoke(
    session: Session,
    op: Operation,
    path: Mapping[str, Any],
    query: Mapping[str, Any],
    body: Mapping[str, Any] | None,
    call: Call,
    api_key: str | None,
    observers: tuple[CallObserver, ...],
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
            errors.MissingCredentialsError("no API key: pass Session(api_key=...) or set the MISTRAL_API_KEY variable")
        )
    if "\n" in api_key or "\r" in api_key:
        # http.client would refuse the header with a message quoting it, key included.
        return Err(errors.InvalidRequestError("the API key contains a line break (read from a file? strip it)"))
    if not api_key.isascii() and not _latin_1(api_key):
        return Err(errors.InvalidRequestError("the API key has characters outside Latin-1, which no header can carry"))
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
    sender = transport.for_session(session)
    idle = None if session.stream_idle_ms is None else session.stream_idle_ms / 1000
    attempts = Attempts(
        op,
        sender,
        hooks,
        call.cancel,
        budget,
        api_key,
        session.max_response_bytes,
        idle,
        request,
        session.strict_responses,
    )
    url = base_url + request.path_and_query
    limiter = session.limiter
    tokens = limiter.estimate(_json_length(request), body) if limiter is not None else 0
    attempt = 0
    last: Outcome | None = None
    while True:
        attempt += 1
        prepared = sender.prepare(op.method, url, headers, request.body(), request.length)
        if hooks is not None and hooks.before_request:
            prepared = _run_before_request(hooks, HookContext(op.operation_id, base_url, attempt), prepared)
        if PREPARING.get():
            return Ok(prepared)
        if limiter is not None:  # the session's rate limit: wait for this attempt's turn
            refused = limiter.admit(tokens, budget, call.cancel)
            if refused is not None:
                return Err(refused)
        timeout = budget.attempt_timeout()
        if timeout is None:
            if last is not None and budget.retries_ran_out:  # the retry policy's time, not the caller's
                return last.result
            return Err(errors.RequestTimeoutError(budget.exhausted_message()))
        if logger is not None:
            logger.debug(
                "-> %s %s headers=%s",
                prepared.method,
                redact(str(prepared.url), api_key),
                redacted_headers(prepared.headers, api_key),
            )
        ctx = HookContext(op.operation_id, base_url, attempt) if hooks is not None else None
        outcome = _attempt(attempts, prepared, timeout, ctx)
        if limiter is not None:
            _observe(limiter, outcome, tokens)
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
        last = outcome
        delay = retries.next_delay(policy, op, outcome, attempt, budget)
        if delay is None:
            return outcome.result
        if not budget.can_wait(delay):
            return Err(errors.RequestTimeoutError(budget.exhausted_message(waiting=delay), cause=outcome.error))
        if logger is not None:
            logger.debug("retrying %s in %.3f s after %r", op.operation_id, delay, outcome.error)
        for observer in observers:
            _tell(observer.retrying, attempt, outcome.error, delay)
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


def _run_before_request(
    hooks: Hooks, ctx: HookContext, prepared: "requests.PreparedRequest"
) -> "requests.PreparedRequest":
    for hook in hooks.before_request:
        replacement = hook(ctx, prepared)
        if replacement is not None:
            prepared = replacement
    return prepared


def _json_length(request: "encode.EncodedRequest") -> int | None:
    content_type = request.content_type
    return request.length if content_type is not None and content_type.startswith("application/json") else None


def _observe(limiter: "Limiter", outcome: Outcome, tokens: int) -> None:
    """Tell the rate limit how an attempt went: a 429 pauses the session, `usage` corrects the tokens."""
    response = outcome.response
    if response is None:
        limiter.observe(None, None, None, tokens)
    else:
        value = outcome.result.value if outcome.result.ok else None  # type: ignore[union-attr]
        limiter.observe(response.status_code, response.headers, value, tokens)


def _with_meta(outcome: Outcome, attempts: int) -> Result[Any, Any]:
    response = outcome.response
    value = outcome.result.value  # type: ignore[union-attr]
    if response is None:
        return Ok(value)
    return Ok(value, Meta(response.status_code, response.headers, attempts))


def _attempt(
    attempts: Attempts, prepared: "requests.PreparedRequest", timeout: float, ctx: HookContext | None
) -> Outcome:
    """One attempt; with a `cancel` event it runs aside, so that cancelling need not wait for the socket."""
    cancel = attempts.cancel
    if cancel is None:
        return _send_and_decode(attempts, prepared, timeout, ctx)
    watches: list[Watch] = []  # the helper's watch, so that a cancel can cut its socket
    work = lambda: _send_and_decode(attempts, prepared, timeout, ctx, watches)  # noqa: E731
    outcome = run_cancellable(work, cancel, _close_outcome)
    if outcome is not None and not outcome.result.ok and any(watch.abandoned for watch in watches):
        outcome = None  # the failure is the cut the cancel asked for
    if outcome is None:
        for watch in watches:  # the helper's blocked read or send fails now: it ends, its socket is freed
            attempts.transport.abandon(watch)
        return Outcome(Err(errors.RequestAbortedError("cancelled while waiting for the response")), None, True)
    return outcome


def _close_outcome(outcome: Outcome) -> None:
    value = outcome.result.value if outcome.result.ok else None  # type: ignore[union-attr]
    close = getattr(value, "close", None)
    if callable(close):
        close()
    if outcome.response is not None:
        outcome.response.close()


def _send_and_decode(
    attempts: Attempts,
    prepared: "requests.PreparedRequest",
    timeout: float,
    ctx: HookContext | None,
    watches: "list[Watch] | None" = None,
) -> Outcome:
    from . import responses

    sender = attempts.transport
    watch = sender.watch(timeout)
    if watches is not None and watch is not None:
        watches.append(watch)
        if attempts.cancel is not None and attempts.cancel.is_set():
            sender.abandon(watch)  # cancelled before the caller could see this watch: cut it on connecting
    try:
        try:
            response = sender.send(prepared, timeout, watch)
            if 300 <= response.status_code < 400:  # requests does not follow them: see redirects.py
                from . import redirects

                followed = redirects.follow(attempts, prepared, response, timeout, watch)
                if isinstance(followed, Outcome):
                    return followed
                response = followed
        except transport.TransportFailure as failure:
            error = transport.timed_out_if_cut(watch, timeout, failure.error)
            return Outcome(Err(error), None, failure.connected)
        hooks = attempts.hooks
        if ctx is not None and hooks is not None and hooks.after_success and 200 <= response.status_code < 300:
            try:
                for hook in hooks.after_success:  # a replacement is what gets decoded
                    response = hook(ctx, response) or response
            except BaseException:
                response.close()  # not left open until the error (and its traceback) is collected
                raise
        end = attempts.budget.attempt_end(timeout)
        result = responses.decode(
            attempts.op,
            response,
            end,
            attempts.cancel,
            attempts.api_key,
            attempts.max_bytes,
            attempts.idle,
            attempts.strict,
        )
        if isinstance(result, Err):
            result = Err(transport.timed_out_if_cut(watch, timeout, result.error))
        return Outcome(result, response, True)
    finally:
        sender.release(watch)
