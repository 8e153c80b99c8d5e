"""The per-call options (`Call`) checked once, before anything is encoded or sent.

A bad option is the caller's mistake, like a bad argument: `Err(InvalidRequestError)` naming the
option and what it accepts, instead of a third-party error deep in the call, a failure only at the
first retry, or an option silently ignored.
"""

from collections.abc import Mapping

from .. import _checks
from ..session import RetryConfig
from .encode import header_problem
from .operation import Call


def problem(call: Call) -> str | None:
    """Why `call` cannot be used, as `invalid option NAME: ...`; None when every option is fine."""
    found = _problem(call)
    return None if found is None else f"invalid option {found[0]}: {found[1]}"


def _problem(call: Call) -> tuple[str, str] | None:
    if call.retries is not None and not isinstance(call.retries, RetryConfig):
        return "retries", f"expected a RetryConfig or None, got {_checks.shown(call.retries)}"
    if call.timeout_ms is not None and (p := _checks.milliseconds(call.timeout_ms)):
        return "timeout_ms", p
    if call.deadline_ms is not None and (p := _checks.milliseconds(call.deadline_ms, positive=False)):
        return "deadline_ms", p  # 0 or less is allowed: a budget already spent, an immediate timeout
    if call.cancel is not None and not callable(getattr(call.cancel, "is_set", None)):
        return "cancel", f"expected a threading.Event or None, got {_checks.shown(call.cancel)}"
    if call.server_url is not None and (p := _checks.url(call.server_url)):
        return "server_url", p
    if call.http_headers is not None:
        if not isinstance(call.http_headers, Mapping):
            accepted = "a mapping of header names to str values"
            return "http_headers", f"expected {accepted}, got {_checks.shown(call.http_headers)}"
        if p := header_problem(call.http_headers):
            return "http_headers", p
    return None
