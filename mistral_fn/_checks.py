"""Why a setting or per-call option is refused, in words naming what is accepted; None when it is fine.

Shared by `Session`, `RetryConfig` and `BackoffStrategy` (which raise at construction: a bad setting is a
programming error) and by `_runtime/options.py` (which turns a bad per-call option into
`Err(InvalidRequestError)` before anything is sent). Plain checks, nothing imported: they run on the
per-call path and in a Lambda handler's cold start.
"""

import math
from typing import Any

MAX_MS = 2**31 - 1
"""The longest timeout or interval accepted (about 24.8 days): more is a mistake, and a huge one would
overflow the waits of the watchdog thread every call shares."""


def shown(value: Any) -> str:
    """`bool True`, `str '100'`, `float nan`: the type and a short repr, never blank."""
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:37] + '...'}"


def not_a_number(value: Any) -> bool:
    return isinstance(value, bool) or not isinstance(value, (int, float))


def milliseconds(value: Any, *, positive: bool = True) -> str | None:
    if not_a_number(value):
        return f"expected a number of milliseconds, got {shown(value)}"
    if not math.isfinite(value):
        return f"expected a finite number of milliseconds, got {shown(value)}"
    if positive and value <= 0:
        return f"expected more than 0 milliseconds, got {shown(value)}"
    if value > MAX_MS:
        return f"expected at most {MAX_MS} milliseconds (about 24 days), got {shown(value)}"
    return None


def url(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected an http:// or https:// URL, got {shown(value)}"
    scheme, _, rest = value.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        return f"expected an http:// or https:// URL with a host, got {shown(value)}"
    if not value.isprintable() or " " in value:
        return f"expected a URL without spaces or control characters, got {shown(value)}"
    return None


def instance_of(value: Any, cls: type, accepted: str) -> str | None:
    return None if value is None or isinstance(value, cls) else f"expected {accepted} or None, got {shown(value)}"
