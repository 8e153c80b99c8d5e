"""Retries are bounded: a floor between attempts, max_elapsed_time a real bound, Retry-After read as
RFC 9110 writes it, and a wait longer than the policy allows ends the call with the server's answer."""

import email.utils
import socket
import time

import pytest

from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session, chat_complete
from mistral_fn._runtime.retries import parse_retry_after
from mistral_fn.errors import MistralError, RequestTimeoutError
from tests.loopback import Loopback, Recorded, send_response
from tests.reliability.support import MESSAGES, assert_still_usable


def _chat(session: Session, **kwargs: object) -> object:
    return chat_complete(session, model="mistral-small-latest", messages=MESSAGES, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0.0),
        ("3", 3.0),
        (" 7 ", 7.0),
        ("1_0", None),
        ("1.5", None),
        ("-1", None),
        ("+3", None),
        ("NaN", None),
        ("-inf", None),
        ("inf", None),
        ("٣", None),  # an Arabic-Indic digit: str.isdigit says yes, RFC 9110 DIGIT says no
        ("soon", None),
        ("", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("Wednesday, 21-Oct-15 07:28:00 GMT", 0.0),
        ("Wed Oct 21 07:28:00 2015", 0.0),
        ("21 Oct 2015 07:28:00", None),  # not one of the three HTTP-date forms
    ],
)
def test_retry_after_is_read_as_rfc_9110_says(value: str, expected: float | None) -> None:
    """delta-seconds is digits only; an HTTP date in one of its three forms; anything else is absent."""
    assert parse_retry_after(value) == expected


def test_retry_after_zero_forever_is_held_to_the_floor_and_max_elapsed_time(server: Loopback) -> None:
    """Retry-After: 0 on every answer: at least initial_interval between attempts, and the call ends
    within max_elapsed_time with the last 429 (the fault suite saw 2,209 requests in 3 s)."""
    for _ in range(200):
        server.reply(429, {"message": "slow down"}, headers={"Retry-After": "0"})
    policy = RetryConfig(backoff=BackoffStrategy(initial_interval=100, max_interval=1000, max_elapsed_time=1000))
    with Session(api_key="sk-test-12345678", server_url=server.url, retry_config=policy) as session:
        started = time.monotonic()
        result = _chat(session)
        took = time.monotonic() - started
    assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == 429
    assert result.error.retry_after == 0.0
    assert 3 <= len(server.requests) <= 10, len(server.requests)  # 1 s / 0.1 s floor, at most
    assert took < 1.3, took
    print(
        f"\nRetry-After: 0 forever, floor 100 ms, max_elapsed_time 1 s: {len(server.requests)} requests, {took:.2f} s"
    )


def test_max_elapsed_time_cuts_a_retried_attempt(server: Loopback) -> None:
    """A 503, then a retry the server never answers: the call ends at max_elapsed_time, not at timeout_ms."""
    server.reply(503, {"message": "busy"})

    def silent(_: Recorded, conn: socket.socket) -> None:
        conn.recv(1)

    server.reply_fn(silent)
    policy = RetryConfig(backoff=BackoffStrategy(initial_interval=50, max_interval=100, max_elapsed_time=800))
    with Session(api_key="sk-test-12345678", server_url=server.url, timeout_ms=5000, retry_config=policy) as session:
        started = time.monotonic()
        result = _chat(session)
        took = time.monotonic() - started
        assert isinstance(result, Err) and type(result.error) is RequestTimeoutError, result
        assert "max_elapsed_time=800 ran out" in result.error.message
        assert 0.7 < took < 1.2, took
        assert_still_usable(session, server)


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_a_wait_longer_than_the_policy_allows_ends_the_call(server: Loopback, status: int, form: str) -> None:
    """Retry-After 3000 s (or a date 30 minutes ahead) with max_interval=1000 ms: the 429/503 at once,
    carrying the wait it asked for; raising max_interval is how a caller agrees to wait."""
    value = "3000" if form == "seconds" else email.utils.formatdate(time.time() + 1800, usegmt=True)
    server.reply(status, {"message": "come back later"}, headers={"Retry-After": value})
    policy = RetryConfig(backoff=BackoffStrategy(initial_interval=10, max_interval=1000))
    with Session(api_key="sk-test-12345678", server_url=server.url, retry_config=policy) as session:
        started = time.monotonic()
        result = _chat(session)
        assert time.monotonic() - started < 0.5
        assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == status
        assert result.error.retry_after is not None and 1790 <= result.error.retry_after <= 3000
        assert "more than the retry policy allows: max_interval=1000 ms" in result.error.message
        assert len(server.requests) == 1
        assert_still_usable(session, server)


@pytest.mark.parametrize("value", ["1_0", "-1", "NaN", "-inf"])
def test_unreadable_retry_after_is_absent_not_zero(server: Loopback, value: str) -> None:
    """A Retry-After that is not RFC 9110 is ignored: the backoff's own wait applies (not 10 s, not 0)."""
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": value})
    arrived: list[float] = []

    def answer(_: Recorded, conn: socket.socket) -> None:
        arrived.append(time.monotonic())
        send_response(conn, 200, b"{}", {"Content-Type": "application/json"})

    server.reply_fn(answer)
    policy = RetryConfig(backoff=BackoffStrategy(initial_interval=200, max_interval=200, exponent=1))
    with Session(api_key="sk-test-12345678", server_url=server.url, retry_config=policy) as session:
        started = time.monotonic()
        result = _chat(session)
    assert isinstance(result, (Ok, Err)) and len(server.requests) == 2
    assert 0.1 <= arrived[0] - started < 1.0  # jittered 100-200 ms, not 10 s nor at once
