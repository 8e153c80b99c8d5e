"""Keep the API key out of logs, error messages, cause chains and pickles, whatever its characters.

The key is looked for in each form a text can hold it in (as is, as `repr` or JSON escapes it, as
percent-encoding or a bytes repr writes it), and from its first `_PREFIX` characters on, so that a
text cut off in the middle of an echoed key does not keep the part before the cut.
"""

import functools
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus

from .. import errors
from . import convert

if TYPE_CHECKING:
    import requests

_SECRET_HEADERS = frozenset(("authorization", "api-key", "x-api-key", "cookie", "proxy-authorization"))
MASK = "[REDACTED]"

# A key shorter than this is a placeholder ("test"), and masking it would garble ordinary words.
_MIN_SECRET = 8
# A run of this many characters of the key is masked, and as much more of the key as follows it.
_PREFIX = 16


@functools.lru_cache(maxsize=8)
def _forms(api_key: str) -> tuple[str, ...]:
    """The key as texts may write it, longest first."""
    forms = {
        api_key,
        repr(api_key)[1:-1],
        ascii(api_key)[1:-1],
        json.dumps(api_key)[1:-1],
        json.dumps(api_key, ensure_ascii=False)[1:-1],
        quote(api_key, safe=""),
        quote(api_key),
        quote_plus(api_key),
        repr(api_key.encode("utf-8"))[2:-1],
        api_key.encode("utf-8").decode("latin-1"),  # UTF-8 bytes read back as Latin-1 (http.client does)
    }
    try:
        forms.add(repr(api_key.encode("latin-1"))[2:-1])
    except UnicodeEncodeError:
        pass
    return tuple(sorted(forms, key=len, reverse=True))


def redact(text: str, api_key: str | None) -> str:
    """`text` with every occurrence of the key, in any form, whole or cut after its first 16 characters,
    replaced by [REDACTED] (keys of 8 characters or more)."""
    if not api_key or len(api_key) < _MIN_SECRET:
        return text
    for form in _forms(api_key):
        head = form[:_PREFIX]
        if head in text:
            text = _mask(text, form, head)
    return text


def _mask(text: str, form: str, head: str) -> str:
    out: list[str] = []
    start = 0
    while (found := text.find(head, start)) != -1:
        end = found + len(head)
        while end < len(text) and end - found < len(form) and text[end] == form[end - found]:
            end += 1
        out += (text[start:found], MASK)
        start = end
    out.append(text[start:])
    return "".join(out)


def redacted_headers(headers: Mapping[str, str], api_key: str | None) -> dict[str, str]:
    """Headers safe to log: credentials masked, and the key masked wherever else it appears."""
    return {
        name: MASK if name.lower() in _SECRET_HEADERS else redact(str(value), api_key)
        for name, value in headers.items()
    }


def scrub(error: BaseException, api_key: str | None) -> None:
    """Mask the key in `error`'s texts, and replace each link of its cause chain that would show it
    (in `str`, `repr` or a traceback) by an `errors.CauseSummary` of the masked text."""
    if api_key and len(api_key) >= _MIN_SECRET:
        _scrub(error, api_key, set())


def _scrub(error: BaseException, api_key: str, seen: set[int]) -> BaseException:
    if id(error) in seen:
        return error
    seen.add(id(error))
    if isinstance(error, (errors.MistralError, errors.HTTPClientError)):
        error.message = redact(error.message, api_key)
        error.args = (error.message,)
        if isinstance(error, errors.MistralError):
            error.body = redact(error.body, api_key)
    elif _shows(error, api_key):
        summary = errors.CauseSummary(_type_name(error), redact(_text(error), api_key))
        seen.add(id(summary))
        return summary
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        error.cause = _scrub(cause, api_key, seen)  # type: ignore[attr-defined]
    if error.__cause__ is not None:
        error.__cause__ = _scrub(error.__cause__, api_key, seen)
    if error.__context__ is not None:
        error.__context__ = _scrub(error.__context__, api_key, seen)
    return error


def _shows(error: BaseException, api_key: str) -> bool:
    texts = [_text(error)]
    try:
        texts.append(repr(error))
    except Exception:  # noqa: BLE001 - a repr that fails shows nothing
        pass
    return any(redact(text, api_key) != text for text in texts)


def _text(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:  # noqa: BLE001
        return ""


def _type_name(error: BaseException) -> str:
    cls = type(error)
    return f"{cls.__module__}.{cls.__qualname__}"


def redact_json(value: Any, api_key: str | None) -> Any:
    """A decoded JSON value with the key masked in every string (keys included); `value` if none holds it."""
    if not api_key or len(api_key) < _MIN_SECRET:
        return value
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return value
    masked = redact(text, api_key)
    if masked == text:
        return value
    try:
        return json.loads(masked)
    except ValueError:  # a mask that cut an escape sequence in two
        return MASK


def safe_headers(response: "requests.Response", api_key: str | None) -> Any:
    """The response's headers, or a copy with the key masked where the server echoed it in one."""
    headers = response.headers
    if api_key and any(redact(f"{k}: {v}", api_key) != f"{k}: {v}" for k, v in headers.items()):
        from requests.structures import CaseInsensitiveDict

        return CaseInsensitiveDict({redact(k, api_key): redact(v, api_key) for k, v in headers.items()})
    return headers


def redacted_cause(cause: BaseException | None, api_key: str | None) -> BaseException | None:
    """`cause`, or a copy without the key where a conversion error quotes a value that holds it."""
    if isinstance(cause, convert.ConversionError) and redact(cause.problem, api_key) != cause.problem:
        clean = convert.ConversionError(redact(cause.problem, api_key))
        clean.path = list(cause.path)
        return clean
    return cause
