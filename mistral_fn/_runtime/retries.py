"""When to retry, how long to wait, and the time budget of a whole call."""

import datetime as dt
import re
import time
from typing import TYPE_CHECKING

from .. import errors
from ..session import RetryConfig, Session

if TYPE_CHECKING:
    from .operation import Call, Operation, Outcome

RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))


class Budget:
    """The time a call may take: `timeout_ms` per attempt, and an optional deadline over all of it.

    The deadline is the nearer of the per-call `deadline_ms` and the session's `time_left()`.
    """

    __slots__ = ("_retry_limited", "_which", "attempt_seconds", "deadline", "started")

    def __init__(self, attempt_seconds: float, deadline: float | None, which: str) -> None:
        self.started = time.monotonic()
        self.attempt_seconds = attempt_seconds
        self.deadline = deadline
        self._which = which
        self._retry_limited = False

    @classmethod
    def start(cls, session: Session, call: "Call") -> "Budget":
        now = time.monotonic()
        timeout_ms = call.timeout_ms if call.timeout_ms is not None else session.timeout_ms
        deadline: float | None = None
        which = ""
        if call.deadline_ms is not None:
            deadline, which = now + call.deadline_ms / 1000, f"deadline_ms={call.deadline_ms}"
        if session.time_left is not None:
            left = float(session.time_left())
            if deadline is None or now + left / 1000 < deadline:
                deadline, which = now + left / 1000, f"the session's time_left() ({left:.0f} ms at the start)"
        return cls(timeout_ms / 1000, deadline, which)

    def limit(self, deadline: float, which: str) -> None:
        """Bring the deadline in to the retry policy's `deadline` (monotonic seconds) if that is nearer."""
        if self.deadline is None or deadline < self.deadline:
            self.deadline, self._which = deadline, which
            self.retries_ran_out = True

    @property
    def retries_ran_out(self) -> bool:
        """Whether the deadline is the retry policy's max_elapsed_time (not the caller's)."""
        return self._retry_limited

    @retries_ran_out.setter
    def retries_ran_out(self, value: bool) -> None:
        self._retry_limited = value

    def remaining(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def attempt_timeout(self) -> float | None:
        """Seconds the next attempt may take, cut to the deadline; None when no time is left."""
        left = self.remaining()
        if left is None:
            return self.attempt_seconds
        if left <= 0.001:
            return None
        return min(self.attempt_seconds, left)

    def cut(self, timeout: float) -> bool:
        """Whether the deadline, not `timeout_ms`, set this attempt's `timeout`."""
        return self.deadline is not None and timeout < self.attempt_seconds

    def attempt_end(self, timeout: float) -> float:
        return time.monotonic() + timeout

    def can_wait(self, delay: float) -> bool:
        """Whether a wait of `delay` seconds still leaves time for an attempt afterwards."""
        left = self.remaining()
        return left is None or delay < left

    def exhausted_message(self, waiting: float | None = None) -> str:
        spent = (time.monotonic() - self.started) * 1000
        if waiting is not None:
            return f"{self._which} ran out: {spent:.0f} ms spent, and the next retry would wait {waiting * 1000:.0f} ms"
        return f"{self._which} ran out after {spent:.0f} ms"


def next_delay(
    policy: RetryConfig | None, op: "Operation", outcome: "Outcome", attempt: int, budget: Budget
) -> float | None:
    """Seconds to wait before retrying this failed attempt, or None to give up and return it."""
    if policy is None or policy.strategy != "backoff":
        return None
    error = outcome.error
    response = outcome.response
    retry_after: float | None = None
    if response is not None and isinstance(error, errors.MistralError):
        status = response.status_code
        if status not in RETRY_STATUSES:
            return None
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if op.creates and not policy.retry_unsafe:
            # A 429 was refused before doing anything; a 503 with Retry-After says "not now".
            if not (status == 429 or (status == 503 and retry_after is not None)):
                return None
    elif isinstance(error, (errors.ConnectionError, errors.RequestTimeoutError)) and response is None:
        if not policy.retry_connection_errors:
            return None
        if op.creates and not policy.retry_unsafe and outcome.connected:
            return None
    else:
        return None
    backoff = policy.backoff
    if retry_after is not None and retry_after * 1000 > backoff.max_interval:
        # Asked to wait longer than the policy ever waits: the answer itself is the result.
        _refused_wait(error, retry_after, f"max_interval={backoff.max_interval} ms")
        return None
    # The backoff's first interval is also the least wait: `Retry-After: 0` must not become a busy loop.
    delay = max(retry_after, backoff.initial_interval / 1000) if retry_after is not None else None
    if delay is None:
        delay = _backoff_seconds(policy, attempt)
    elapsed_ms = (time.monotonic() - budget.started) * 1000
    # A retry needs time for its attempt too (at least one initial interval) within max_elapsed_time.
    if elapsed_ms + delay * 1000 + backoff.initial_interval > backoff.max_elapsed_time:
        if retry_after is not None and elapsed_ms + retry_after * 1000 >= backoff.max_elapsed_time:
            _refused_wait(error, retry_after, f"max_elapsed_time={backoff.max_elapsed_time} ms")
        return None
    # No attempt outlives max_elapsed_time either: the retry is cut to what is left of it.
    budget.limit(budget.started + backoff.max_elapsed_time / 1000, f"max_elapsed_time={backoff.max_elapsed_time}")
    return delay


def _refused_wait(error: BaseException | None, asked: float, limit: str) -> None:
    if isinstance(error, errors.MistralError):
        error.message += f" (Retry-After asked for {asked:.0f} s, more than the retry policy allows: {limit})"
        error.args = (error.message,)


def _backoff_seconds(policy: RetryConfig, attempt: int) -> float:
    b = policy.backoff
    ceiling = min(b.initial_interval * b.exponent ** (attempt - 1), b.max_interval) / 1000
    # Jitter so that clients failed by the same outage do not come back in lockstep.
    from .snapstart import jitter

    return ceiling * jitter().uniform(0.5, 1.0)


def parse_retry_after(value: str | None) -> float | None:
    """`Retry-After` as seconds to wait, as RFC 9110 has it: delta-seconds (digits only) or an HTTP
    date; None for anything else (`1.5`, `-1`, `1_0`, `NaN`, `inf`), which is as if it were absent."""
    if not value:
        return None
    value = value.strip(" \t")
    if value.isdigit() and value.isascii():
        return float(value) if len(value) < 12 else 1e11  # past any policy's cap either way
    if not _HTTP_DATE.match(value):
        return None
    import email.utils  # only for a Retry-After given as a date, rare beside delta-seconds

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # asctime has no zone: it is GMT
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, when.timestamp() - time.time())


# IMF-fixdate, RFC 850 and asctime: each begins with a day name (RFC 9110, 5.6.7).
_HTTP_DATE = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? ", re.ASCII)
