"""Keep the API key out of logs and error messages."""

from collections.abc import Mapping

_SECRET_HEADERS = frozenset(("authorization", "api-key", "x-api-key", "cookie", "proxy-authorization"))


# A key shorter than this is a placeholder ("test"), and masking it would garble ordinary words.
_MIN_SECRET = 8


def redact(text: str, api_key: str | None) -> str:
    """`text` with every occurrence of the key replaced (keys of 8 characters or more)."""
    if api_key and len(api_key) >= _MIN_SECRET and api_key in text:
        return text.replace(api_key, "[REDACTED]")
    return text


def redacted_headers(headers: Mapping[str, str], api_key: str | None) -> dict[str, str]:
    """Headers safe to log: credentials masked, and the key masked wherever else it appears."""
    return {
        name: "[REDACTED]" if name.lower() in _SECRET_HEADERS else redact(str(value), api_key)
        for name, value in headers.items()
    }
