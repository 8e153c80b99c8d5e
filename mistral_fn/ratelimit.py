"""`RateLimit`: keep a session under a request rate and a token rate, and pause it on a 429.

    session = Session(rate_limit=RateLimit(requests_per_second=5, tokens_per_minute=500_000))

Each session makes one `Limiter` from its `RateLimit`, shared by every thread that calls through
the session. Before each attempt the call takes its turn: requests are spaced `1 / requests_per_second`
apart (no bursts), and its tokens, estimated from the request's text and `max_tokens`, come out of a
bucket holding one minute of `tokens_per_minute` that refills continuously; the `usage` of the answer
then replaces the estimate. A 429 with `Retry-After` pauses every call of the session until then. A
call whose deadline cannot cover its wait ends at once with `Err(RequestTimeoutError)`.

`Ok.meta.rate_limit` reads the rate-limit headers Mistral sends (`RateLimitInfo`).
"""

import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import errors

if TYPE_CHECKING:
    from ._runtime.retries import Budget
    from .rate_limit_info import RateLimitInfo, read_rate_limit_headers

__all__ = ["Limiter", "RateLimit", "RateLimitInfo", "read_rate_limit_headers"]


def __getattr__(name: str) -> Any:
    if name in ("RateLimitInfo", "read_rate_limit_headers"):  # what Ok.meta.rate_limit gives, read on demand
        from . import rate_limit_info

        return getattr(rate_limit_info, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_CHARS_PER_TOKEN = 4  # a cautious estimate for the text of a JSON body; the answer's usage corrects it


class RateLimit:
    """How fast one session may go; either figure may be None (no limit of that kind).

    `RateLimit()` with neither still makes a 429's `Retry-After` pause the whole session.
    """

    __slots__ = ("requests_per_second", "tokens_per_minute")

    def __init__(self, requests_per_second: float | None = None, tokens_per_minute: float | None = None) -> None:
        for name, value in (("requests_per_second", requests_per_second), ("tokens_per_minute", tokens_per_minute)):
            if value is not None and not (isinstance(value, (int, float)) and value > 0):
                raise ValueError(f"RateLimit: {name} must be a positive number or None, got {value!r}")
        self.requests_per_second = requests_per_second
        self.tokens_per_minute = tokens_per_minute

    def __repr__(self) -> str:
        return f"RateLimit(requests_per_second={self.requests_per_second}, tokens_per_minute={self.tokens_per_minute})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RateLimit) and (self.requests_per_second, self.tokens_per_minute) == (
            other.requests_per_second,
            other.tokens_per_minute,
        )

    def __hash__(self) -> int:
        return hash((self.requests_per_second, self.tokens_per_minute))

    def limiter(self) -> "Limiter":
        """A new limiter with these figures (a Session makes its own, once)."""
        return Limiter(self)


class Limiter:
    """The shared state of one session's rate limit: when the next request may go, tokens left, pause."""

    __slots__ = ("_capacity", "_interval", "_lock", "_next_request", "_paused_until", "_rate", "_stamp", "_tokens")

    def __init__(self, limit: RateLimit) -> None:
        self._lock = threading.Lock()
        rps, tpm = limit.requests_per_second, limit.tokens_per_minute
        self._interval = 1.0 / rps if rps else 0.0
        self._next_request = 0.0
        self._rate = tpm / 60.0 if tpm else 0.0  # tokens per second
        self._capacity = float(tpm or 0)
        self._tokens = self._capacity
        self._stamp = time.monotonic()
        self._paused_until = 0.0

    @property
    def counts_tokens(self) -> bool:
        return self._rate > 0

    def admit(
        self, tokens: int, budget: "Budget | None", cancel: threading.Event | None
    ) -> errors.HTTPClientError | None:
        """Wait for this attempt's turn; an error (the deadline cannot cover the wait, or `cancel`) instead."""
        while True:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._paused_until, self._next_request)
                need = 0.0
                if self._rate:
                    self._refill(now)
                    need = min(float(tokens), self._capacity)
                    if self._tokens < need:
                        start = max(start, now + (need - self._tokens) / self._rate)
                wait = start - now
                if wait > 0 and budget is not None and not budget.can_wait(wait):
                    return errors.RequestTimeoutError(
                        f"{budget.exhausted_message(waiting=wait)} (the session's rate limit; nothing was sent)"
                    )
                if self._interval:
                    self._next_request = start + self._interval
                self._tokens -= need
            if wait <= 0:
                return None
            if cancel is not None:
                if cancel.wait(wait):
                    self.settle(int(need), 0)
                    return errors.RequestAbortedError("cancelled while waiting for the session's rate limit")
            else:
                time.sleep(wait)
            with self._lock:
                if self._paused_until <= time.monotonic():
                    return None
                self._tokens += need  # a 429 came in meanwhile: take a new turn after the pause
            tokens = int(need)

    def estimate(self, json_bytes: int | None, body: Mapping[str, Any] | None) -> int:
        """The tokens to take for a call (0 when this limit does not count tokens)."""
        if not self._rate or json_bytes is None:
            return 0
        return estimate_tokens(json_bytes, body.get("max_tokens") if body else None)

    def observe(self, status: int | None, headers: Mapping[str, str] | None, value: Any, estimated: int) -> None:
        """After an attempt: a 429 pauses the session; the answer's usage replaces the estimate."""
        if status == 429 and headers is not None:
            from ._runtime.retries import parse_retry_after

            seconds = parse_retry_after(headers.get("retry-after"))
            if seconds:
                self.pause(seconds)
        if estimated:
            used = used_tokens(value) if status is not None and 200 <= status < 300 else 0
            self.settle(estimated, estimated if used is None else used)

    def settle(self, estimated: int, actual: int) -> None:
        """Put right the tokens taken for an attempt, now that its real count is known (0: refused)."""
        if not self._rate or estimated == actual:
            return
        with self._lock:
            self._refill(time.monotonic())
            self._tokens = min(self._capacity, self._tokens + min(float(estimated), self._capacity) - actual)

    def pause(self, seconds: float) -> None:
        """Hold every call of the session for `seconds` (a 429's Retry-After)."""
        with self._lock:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def _refill(self, now: float) -> None:
        self._tokens = min(self._capacity, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now


def estimate_tokens(json_bytes: int, max_tokens: Any) -> int:
    """The tokens a request may use: its JSON text at ~4 characters a token, plus `max_tokens` when given."""
    extra = max_tokens if isinstance(max_tokens, int) and not isinstance(max_tokens, bool) else 0
    return json_bytes // _CHARS_PER_TOKEN + extra


def used_tokens(value: Any) -> int | None:
    """The `usage.total_tokens` (or prompt + completion) of a response, when it has one."""
    usage = getattr(value, "usage", None)
    total = getattr(usage, "total_tokens", None)
    if isinstance(total, int):
        return total
    prompt, completion = getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None)
    if isinstance(prompt, int):
        return prompt + (completion if isinstance(completion, int) else 0)
    return None
