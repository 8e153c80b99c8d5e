"""`RateLimitInfo`: the rate-limit headers of a response, read; what `Ok.meta.rate_limit` gives.

Plain data with no imports of ours, so that `Meta` (core) can read it on demand.
"""

import re
from collections.abc import Mapping


class RateLimitInfo:
    """The rate-limit headers of a response; a figure the response did not carry is None.

    `other` keeps, as sent, every rate-limit header this client does not know; `headers` holds all
    of them (names in lower case), and `info["x-ratelimit-remaining-req-minute"]` reads one by its
    name: an int where it is a number, else the text as sent.
    """

    __slots__ = (
        "headers",
        "limit_requests_minute",
        "limit_tokens_minute",
        "limit_tokens_month",
        "other",
        "remaining_requests_minute",
        "remaining_tokens_minute",
        "remaining_tokens_month",
        "tokens_query_cost",
    )

    def __init__(self, values: Mapping[str, int], other: Mapping[str, str], headers: Mapping[str, str]) -> None:
        for name in _FIELDS:
            setattr(self, name, values.get(name))
        self.other = dict(other)
        self.headers = {name.lower(): value for name, value in headers.items()}

    def __getitem__(self, name: str) -> int | str:
        value = self.headers[name.lower()]
        number = _integer(value)
        return value if number is None else number

    def get(self, name: str, default: object = None) -> object:
        return self[name] if name.lower() in self.headers else default

    def __repr__(self) -> str:
        shown = [f"{name}={getattr(self, name)}" for name in _FIELDS if getattr(self, name) is not None]
        if self.other:
            shown.append(f"other={self.other!r}")
        return f"RateLimitInfo({', '.join(shown)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RateLimitInfo) and self.headers == other.headers

    __hash__ = None  # type: ignore[assignment]


# Header (lower case) -> field. Mistral sends the x-ratelimit-* names today; the ratelimitbysize
# names are the ones it sent before (bysize = tokens).
_KNOWN = {
    "x-ratelimit-limit-req-minute": "limit_requests_minute",
    "x-ratelimit-remaining-req-minute": "remaining_requests_minute",
    "x-ratelimit-limit-tokens-minute": "limit_tokens_minute",
    "x-ratelimit-remaining-tokens-minute": "remaining_tokens_minute",
    "x-ratelimit-limit-tokens-month": "limit_tokens_month",
    "x-ratelimit-remaining-tokens-month": "remaining_tokens_month",
    "x-ratelimit-tokens-query-cost": "tokens_query_cost",
    "x-ratelimitbysize-limit-minute": "limit_tokens_minute",
    "x-ratelimitbysize-remaining-minute": "remaining_tokens_minute",
    "x-ratelimitbysize-limit-month": "limit_tokens_month",
    "x-ratelimitbysize-remaining-month": "remaining_tokens_month",
    "ratelimitbysize-query-cost": "tokens_query_cost",
}
_FIELDS = sorted(set(_KNOWN.values()))
_RATE_LIMIT_HEADER = re.compile(r"^(x-)?rate-?limit", re.IGNORECASE)


def read_rate_limit_headers(headers: Mapping[str, str]) -> RateLimitInfo | None:
    """The rate-limit headers of `headers`, or None when there are none."""
    values: dict[str, int] = {}
    other: dict[str, str] = {}
    found: dict[str, str] = {}
    for name, value in headers.items():
        if not _RATE_LIMIT_HEADER.match(name):
            continue
        found[name] = value
        field = _KNOWN.get(name.lower())
        number = _integer(value)
        if field is not None and number is not None:
            values[field] = number
        else:
            other[name] = value
    if not found:
        return None
    return RateLimitInfo(values, other, found)


def _integer(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        try:
            number = float(value)
        except ValueError:
            return None
        return int(number) if number.is_integer() else None
