"""The session's rate limit: requests spaced, tokens counted and corrected by usage, a 429 pausing
every thread of the session, waits a deadline cannot cover refused at once, headers read."""

import json
import socket
import statistics
import threading
import time
from typing import Any

import pytest

from mistral_fn import Err, Ok, RateLimit, Session, run_many
from mistral_fn.errors import MistralError, RequestAbortedError, RequestTimeoutError
from mistral_fn.funcs.chat_complete import chat_complete
from mistral_fn.funcs.embeddings_create import embeddings_create
from tests.conftest import API_KEY
from tests.loopback import Loopback, Recorded, send_response
from tests.scale.support import Echo

MESSAGES = [{"role": "user", "content": "hi"}]


def _limited(server: Loopback, **figures: Any) -> Session:
    return Session(api_key=API_KEY, server_url=server.url, timeout_ms=10_000, rate_limit=RateLimit(**figures))


def _chat_reply(server: Loopback, total_tokens: int, headers: dict[str, str] | None = None) -> None:
    body = {
        "id": "c",
        "object": "chat.completion",
        "model": "m",
        "created": 1,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": total_tokens, "completion_tokens": 0, "total_tokens": total_tokens},
    }
    server.reply(200, body, headers)


def test_requests_are_spaced(server: Loopback) -> None:
    echo = Echo(server, 11)
    session = _limited(server, requests_per_second=10)
    calls = [{"model": "mistral-embed", "input": [str(i)]} for i in range(11)]
    results = run_many(embeddings_create, session, calls, max_workers=4)
    assert all(r.ok for r in results)
    gaps = [b - a for a, b in zip(echo.times, echo.times[1:], strict=False)]
    span = echo.times[-1] - echo.times[0]
    print(f"11 requests at 10/s: span {span:.3f} s, median gap {statistics.median(gaps):.3f} s")
    assert span >= 0.9  # ten gaps of 0.1 s, measured where they arrive: never fewer
    assert statistics.median(gaps) >= 0.08
    assert span < 3.0  # and not much slower than asked, even on a busy machine


def test_without_a_rate_limit_nothing_waits(server: Loopback, session: Session) -> None:
    assert session.limiter is None
    echo = Echo(server, 11)
    run_many(embeddings_create, session, [{"model": "mistral-embed", "input": [str(i)]} for i in range(11)])
    assert echo.times[-1] - echo.times[0] < 0.9


def test_a_wait_the_deadline_cannot_cover_ends_the_call_at_once(server: Loopback) -> None:
    Echo(server, 2)
    session = _limited(server, requests_per_second=0.5)
    assert embeddings_create(session, model="mistral-embed", input=["a"]).ok
    started = time.monotonic()
    result = embeddings_create(session, model="mistral-embed", input=["b"], deadline_ms=800)
    assert time.monotonic() - started < 0.3
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert "rate limit" in str(result.error)
    assert len(server.requests) == 1  # nothing was sent


def test_the_session_time_left_counts_as_a_deadline(server: Loopback) -> None:
    Echo(server, 2)
    session = Session(
        api_key=API_KEY,
        server_url=server.url,
        rate_limit=RateLimit(requests_per_second=0.5),
        time_left=lambda: 600.0,
    )
    assert embeddings_create(session, model="mistral-embed", input=["a"]).ok
    result = embeddings_create(session, model="mistral-embed", input=["b"])
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)


def test_cancel_while_waiting(server: Loopback) -> None:
    Echo(server, 2)
    session = _limited(server, requests_per_second=0.5)
    assert embeddings_create(session, model="mistral-embed", input=["a"]).ok
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()
    result = embeddings_create(session, model="mistral-embed", input=["b"], cancel=cancel)
    assert time.monotonic() - started < 1.0
    assert isinstance(result, Err) and isinstance(result.error, RequestAbortedError)
    assert len(server.requests) == 1


def test_tokens_are_counted_and_the_usage_corrects_the_estimate(server: Loopback) -> None:
    # 6,000 tokens a minute: a call asking for 5,000 leaves too little for a second one...
    session = _limited(server, tokens_per_minute=6000)
    _chat_reply(server, total_tokens=5000)
    assert chat_complete(session, model="m", messages=MESSAGES, max_tokens=5000).ok
    refused = chat_complete(session, model="m", messages=MESSAGES, max_tokens=5000, deadline_ms=2000)
    assert isinstance(refused, Err) and isinstance(refused.error, RequestTimeoutError)
    assert len(server.requests) == 1

    # ...unless the answer says it used far fewer: the difference goes back into the bucket.
    session = _limited(server, tokens_per_minute=6000)
    _chat_reply(server, total_tokens=20)
    _chat_reply(server, total_tokens=20)
    assert chat_complete(session, model="m", messages=MESSAGES, max_tokens=5000).ok
    started = time.monotonic()
    assert chat_complete(session, model="m", messages=MESSAGES, max_tokens=5000, deadline_ms=2000).ok
    assert time.monotonic() - started < 1.0


def test_a_429_pauses_every_thread_of_the_session(server: Loopback) -> None:
    session = _limited(server)  # no figures: only the pause
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": "1"})
    echo = Echo(server, 4)
    first = chat_complete(session, model="m", messages=MESSAGES)
    paused_at = time.monotonic()
    assert isinstance(first, Err) and isinstance(first.error, MistralError) and first.error.status_code == 429
    results: list[Any] = []
    threads = [
        threading.Thread(target=lambda i=i: results.append(embeddings_create(session, model="e", input=[str(i)])))
        for i in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r.ok for r in results)
    waited = min(echo.times) - paused_at
    print(f"other threads' first request {waited:.3f} s after the 429 (Retry-After: 1)")
    assert waited >= 0.9
    assert max(echo.times) - paused_at < 3.0


def test_a_429_also_holds_threads_already_waiting_for_their_turn(server: Loopback) -> None:
    session = _limited(server, requests_per_second=5)
    hold = threading.Event()

    def slow_429(request: Recorded, conn: socket.socket) -> None:
        hold.wait(5)
        send_response(conn, 429, b"{}", {"Content-Type": "application/json", "Retry-After": "1"})

    server.reply_fn(slow_429)
    echo = Echo(server, 3)
    first: list[Any] = []
    a = threading.Thread(target=lambda: first.append(embeddings_create(session, model="e", input=["a"])))
    a.start()
    others = [threading.Thread(target=embeddings_create, args=(session,), kwargs={"model": "e", "input": ["b"]})]
    others += [threading.Thread(target=embeddings_create, args=(session,), kwargs={"model": "e", "input": ["c"]})]
    for t in others:
        t.start()  # they take turns 0.2 s and 0.4 s from now
    time.sleep(0.1)
    hold.set()  # the 429 arrives before their turns
    paused_at = time.monotonic()
    a.join()
    for t in others:
        t.join()
    assert isinstance(first[0], Err)
    assert len(echo.times) == 2
    assert min(echo.times) - paused_at >= 0.85


def test_meta_rate_limit_reads_mistral_headers(server: Loopback) -> None:
    headers = {
        "x-ratelimit-limit-tokens-minute": "5000000",
        "x-ratelimit-remaining-tokens-minute": "4999911",
        "x-ratelimit-tokens-query-cost": "52",
        "x-ratelimit-limit-req-minute": "720",
        "x-ratelimit-remaining-req-minute": "717",
        "x-ratelimit-limit-tokens-month": "1000000000",
        "x-ratelimit-remaining-tokens-month": "999000000",
        "X-RateLimit-Brand-New": "7;w=60",
    }
    _chat_reply(server, 3, headers)
    result = chat_complete(Session(api_key=API_KEY, server_url=server.url), model="m", messages=MESSAGES)
    assert isinstance(result, Ok)
    info = result.meta.rate_limit
    assert info is not None
    assert (info.limit_tokens_minute, info.remaining_tokens_minute) == (5_000_000, 4_999_911)
    assert (info.limit_requests_minute, info.remaining_requests_minute) == (720, 717)
    assert (info.limit_tokens_month, info.remaining_tokens_month) == (1_000_000_000, 999_000_000)
    assert info.tokens_query_cost == 52
    assert info.other == {"X-RateLimit-Brand-New": "7;w=60"}
    assert "remaining_tokens_minute=4999911" in repr(info)
    assert info["X-RateLimit-Remaining-Req-Minute"] == 717 and info["x-ratelimit-brand-new"] == "7;w=60"
    assert info.get("x-ratelimit-absent") is None and len(info.headers) == 8


def test_meta_rate_limit_is_none_without_those_headers(server: Loopback, session: Session) -> None:
    _chat_reply(server, 3)
    result = chat_complete(session, model="m", messages=MESSAGES)
    assert isinstance(result, Ok) and result.meta.rate_limit is None


def test_figures_must_be_positive() -> None:
    with pytest.raises(ValueError, match="requests_per_second"):
        RateLimit(requests_per_second=0)
    with pytest.raises(ValueError, match="tokens_per_minute"):
        RateLimit(tokens_per_minute=-5)
    assert RateLimit(requests_per_second=2) == RateLimit(requests_per_second=2)


def test_each_session_has_its_own_limiter(server: Loopback) -> None:
    limit = RateLimit(requests_per_second=0.5)
    Echo(server, 2)
    one = Session(api_key=API_KEY, server_url=server.url, rate_limit=limit)
    two = Session(api_key=API_KEY, server_url=server.url, rate_limit=limit)
    assert one.limiter is not two.limiter
    started = time.monotonic()
    assert embeddings_create(one, model="e", input=["a"]).ok
    assert embeddings_create(two, model="e", input=["b"]).ok
    assert time.monotonic() - started < 1.0
    assert json.loads(server.requests[1].body)["input"] == ["b"]
