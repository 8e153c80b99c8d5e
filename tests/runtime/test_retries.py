"""Retries, timeouts, deadlines and cancellation against a loopback server."""

import email.utils
import json
import socket
import threading
import time

import pytest

from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session
from mistral_fn._runtime.invoke import Call, invoke
from mistral_fn._runtime.retries import _backoff_seconds, parse_retry_after
from mistral_fn.errors import ConnectionError, MistralError, RequestAbortedError, RequestTimeoutError
from tests.fixtures import FAST
from tests.loopback import Loopback, Recorded, send_response
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY, UPLOAD

PATIENT = RetryConfig(
    backoff=BackoffStrategy(initial_interval=5, max_interval=10_000, exponent=2, max_elapsed_time=10_000)
)
"""Short backoff waits, but a `Retry-After` of seconds is within its cap (max_interval)."""


def _session(server: Loopback, **kwargs: object) -> Session:
    return Session(api_key="k", server_url=server.url, **kwargs)  # type: ignore[arg-type]


def test_no_retries_by_default(server: Loopback) -> None:
    """Without a RetryConfig a 503 is returned at once."""
    server.reply(503, {"message": "busy"})
    result = invoke(_session(server), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and result.error.status_code == 503 and len(server.requests) == 1


def test_503_twice_then_200(server: Loopback) -> None:
    """503, 503, 200 gives Ok after three attempts."""
    server.reply(503, {"message": "busy"})
    server.reply(503, {"message": "busy"})
    server.reply(200, CHAT_REPLY)
    result = invoke(_session(server, retry_config=FAST), CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 3
    assert len(server.requests) == 3


@pytest.mark.parametrize("retry_after", ["1", "date"])
def test_429_retry_after_is_honoured(server: Loopback, retry_after: str) -> None:
    """Retry-After in seconds or as an HTTP date sets the wait: the retry arrives no earlier than asked."""
    not_before = time.time() + 1
    if retry_after == "date":
        # An HTTP date has one-second resolution: name a whole second, 1 to 2 s from now.
        not_before = float(int(time.time()) + 2)
        retry_after = email.utils.formatdate(not_before, usegmt=True)
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": retry_after})
    arrived: list[float] = []

    def answer(request: Recorded, conn: socket.socket) -> None:
        arrived.append(time.time())
        send_response(conn, 200, json.dumps(CHAT_REPLY).encode(), {"Content-Type": "application/json"})

    server.reply_fn(answer)
    started = time.monotonic()
    result = invoke(_session(server, retry_config=PATIENT), CHAT, body=CHAT_BODY)
    assert result.ok and len(arrived) == 1
    assert arrived[0] >= not_before - 0.01  # 10 ms for the clock's own granularity
    assert time.monotonic() - started < 3


def test_non_retryable_400_is_not_retried(server: Loopback) -> None:
    """A 400 is returned after one attempt even with retries configured."""
    server.reply(400, {"message": "bad"})
    result = invoke(_session(server, retry_config=FAST), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and result.error.status_code == 400 and len(server.requests) == 1


def test_max_elapsed_time_bounds_retries(server: Loopback) -> None:
    """500s past max_elapsed_time give the last 500, within the bound."""
    for _ in range(50):
        server.reply(500, {"message": "boom"})
    config = RetryConfig(backoff=BackoffStrategy(initial_interval=50, max_interval=100, max_elapsed_time=400))
    started = time.monotonic()
    result = invoke(_session(server, retry_config=config), CHAT, body=CHAT_BODY)
    elapsed = time.monotonic() - started
    assert isinstance(result, Err) and isinstance(result.error, MistralError) and result.error.status_code == 500
    assert elapsed < 0.4 + 0.5
    assert 2 <= len(server.requests) <= 12


def test_per_call_retries_override_session(server: Loopback) -> None:
    """retries= on the call replaces the session's policy."""
    server.reply(503)
    result = invoke(_session(server, retry_config=FAST), CHAT, body=CHAT_BODY, call=Call(RetryConfig("none")))
    assert isinstance(result, Err) and len(server.requests) == 1


def test_connection_errors_retried_only_when_asked() -> None:
    """A refused connection is retried only with retry_connection_errors."""
    with Loopback() as gone:
        url = gone.url
    session = Session(api_key="k", server_url=url, retry_config=FAST)
    assert isinstance(invoke(session, CHAT, body=CHAT_BODY), Err)
    config = RetryConfig(backoff=FAST.backoff, retry_connection_errors=True)
    attempts: list[int] = []
    from mistral_fn import Hooks

    hooks = Hooks(after_error=[lambda ctx, response, error: attempts.append(ctx.attempt)])
    session = Session(api_key="k", server_url=url, retry_config=config, hooks=hooks)
    config_short = RetryConfig(backoff=BackoffStrategy(5, 10, 2, 200), retry_connection_errors=True)
    result = invoke(session, CHAT, body=CHAT_BODY, call=Call(retries=config_short))
    # The last attempt is refused, or (on a slow machine) cut short by max_elapsed_time itself.
    assert isinstance(result, Err)
    assert isinstance(result.error, ConnectionError) or "max_elapsed_time=200 ran out" in result.error.message
    assert len(attempts) >= 2


def test_creating_operation_not_retried_after_500(server: Loopback) -> None:
    """An operation that creates something is not retried after a 500 (it may have taken effect)."""
    server.reply(500)
    server.reply(200, {"id": "f", "bytes": 1})
    result = invoke(_session(server, retry_config=FAST), UPLOAD, body={"file": b"x"})
    assert isinstance(result, Err) and len(server.requests) == 1


def test_creating_operation_retried_after_429_and_when_unsafe_allowed(server: Loopback) -> None:
    """429 is safe to retry; retry_unsafe=True lifts the restriction for 500."""
    server.reply(429, headers={"Retry-After": "0"})
    server.reply(200, {"id": "f", "bytes": 1})
    assert invoke(_session(server, retry_config=FAST), UPLOAD, body={"file": b"x"}).ok
    server.reply(500)
    server.reply(200, {"id": "f", "bytes": 1})
    unsafe = RetryConfig(backoff=FAST.backoff, retry_unsafe=True)
    assert invoke(_session(server, retry_config=unsafe), UPLOAD, body={"file": b"x"}).ok
    assert len(server.requests) == 4
    assert server.requests[0].body == server.requests[1].body  # the body is sent again whole


def _silent(request: Recorded, conn: socket.socket) -> None:
    time.sleep(1.5)


def test_read_timeout(server: Loopback) -> None:
    """A server that never answers gives RequestTimeoutError after timeout_ms."""
    server.reply_fn(_silent)
    started = time.monotonic()
    result = invoke(_session(server, timeout_ms=200), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert time.monotonic() - started < 1.0


def _trickle(request: Recorded, conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(40):
        conn.sendall(b" ")
        time.sleep(0.05)


def test_trickling_body_hits_the_per_attempt_timeout(server: Loopback) -> None:
    """A body that trickles forever is cut at timeout_ms (a total per attempt, not between bytes)."""
    server.reply_fn(_trickle)
    started = time.monotonic()
    result = invoke(_session(server, timeout_ms=400), CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert time.monotonic() - started < 1.2


def test_deadline_covers_retries_and_waits(server: Loopback) -> None:
    """deadline_ms bounds the whole call: retries happen inside it, then RequestTimeoutError names it."""
    for _ in range(20):
        server.reply(503)
    config = RetryConfig(backoff=BackoffStrategy(initial_interval=100, max_interval=200, max_elapsed_time=60000))
    started = time.monotonic()
    result = invoke(_session(server, retry_config=config), CHAT, body=CHAT_BODY, call=Call(deadline_ms=600))
    elapsed = time.monotonic() - started
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert "deadline_ms=600" in result.error.message
    assert elapsed < 0.7
    assert len(server.requests) >= 2


def test_time_left_cuts_a_slow_attempt(server: Loopback) -> None:
    """Session(time_left=...) cuts an attempt's timeout to what the caller has left."""
    server.reply_fn(_silent)
    session = _session(server, time_left=lambda: 300.0)
    started = time.monotonic()
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert time.monotonic() - started < 0.8


def test_cancel_before_sending(server: Loopback) -> None:
    """A cancel already set gives RequestAbortedError and sends nothing."""
    cancel = threading.Event()
    cancel.set()
    result = invoke(_session(server), CHAT, body=CHAT_BODY, call=Call(cancel=cancel))
    assert isinstance(result, Err) and isinstance(result.error, RequestAbortedError) and server.requests == []


def test_cancel_during_backoff_wait(server: Loopback) -> None:
    """Setting cancel during a retry wait stops the call at once."""
    server.reply(503, headers={"Retry-After": "3"})
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    result = invoke(_session(server, retry_config=PATIENT), CHAT, body=CHAT_BODY, call=Call(cancel=cancel))
    assert isinstance(result, Err) and isinstance(result.error, RequestAbortedError)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3.0), ("0.5", None), ("-1", None), ("soon", None), (None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    """Retry-After parses delta-seconds (digits only, RFC 9110) and HTTP dates; anything else is ignored."""
    assert parse_retry_after(value) == expected


def test_an_attempt_cut_by_the_deadline_names_the_deadline(server: Loopback) -> None:
    """When deadline_ms cuts an attempt short, the timeout error says the deadline ran out."""
    server.reply_fn(_silent)
    result = invoke(_session(server), CHAT, body=CHAT_BODY, call=Call(deadline_ms=250))
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert "deadline_ms=250 ran out" in result.error.message


def test_deadline_refuses_a_wait_it_cannot_fit(server: Loopback) -> None:
    """A Retry-After longer than the deadline is not waited out: one request, and the Err names both."""
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": "3"})
    server.reply(200, CHAT_REPLY)
    result = invoke(_session(server, retry_config=PATIENT), CHAT, body=CHAT_BODY, call=Call(deadline_ms=1000))
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    # Decided before waiting: the message names the wait it refused, the cause is the 429 itself.
    assert "deadline_ms=1000 ran out" in result.error.message
    assert "the next retry would wait 3000 ms" in result.error.message
    assert isinstance(result.error.cause, MistralError) and result.error.cause.status_code == 429
    assert len(server.requests) == 1


def _read_and_close(request: Recorded, conn: socket.socket) -> None:
    raise ConnectionResetError("the request was read; the server hangs up without answering")


def test_upload_not_resent_after_a_drop_once_sent(server: Loopback) -> None:
    """files_upload to a server that reads the request and hangs up is sent exactly once, even with
    retry_connection_errors; a listing against the same server is retried (the drop is retryable)."""
    from mistral_fn import files_list, files_upload

    for _ in range(200):
        server.reply_fn(_read_and_close)
    config = RetryConfig(backoff=BackoffStrategy(5, 10, 2, max_elapsed_time=300), retry_connection_errors=True)
    session = _session(server, retry_config=config)
    result = files_upload(session, file=("a.jsonl", b"{}"))
    assert isinstance(result, Err) and isinstance(result.error, ConnectionError)
    assert len(server.requests) == 1
    listed = files_list(session)
    assert isinstance(listed, Err) and isinstance(listed.error, ConnectionError)
    assert len(server.requests) >= 3


@pytest.mark.parametrize("attempt", [1, 2, 3, 4, 8])
def test_backoff_wait_grows_by_exponent_up_to_the_cap_with_jitter(attempt: int) -> None:
    """Attempt n waits min(initial * exponent^(n-1), max) ms times a jitter from [0.5, 1): 200 draws span it."""
    policy = RetryConfig(backoff=BackoffStrategy(initial_interval=100, max_interval=1000, exponent=2))
    ceiling = min(100 * 2 ** (attempt - 1), 1000) / 1000
    waits = [_backoff_seconds(policy, attempt) for _ in range(200)]
    # Each bound fails by chance with odds under 1e-19 (0.8**200).
    assert ceiling * 0.5 <= min(waits) < ceiling * 0.6
    assert ceiling * 0.9 < max(waits) <= ceiling


def test_the_deadline_message_says_how_long_was_spent(server: Loopback) -> None:
    """'ran out after N ms' gives the time really spent (here about the 250 ms deadline)."""
    server.reply_fn(_silent)
    result = invoke(_session(server), CHAT, body=CHAT_BODY, call=Call(deadline_ms=250))
    assert isinstance(result, Err)
    spent = int(result.error.message.split("ran out after ")[1].split(" ms")[0])
    assert 240 <= spent < 2000
