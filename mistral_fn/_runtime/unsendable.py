"""Why a caller's value cannot be written as JSON or as UTF-8 text: where it sits, and the reason.

Only looked for after encoding has failed (a RecursionError, TypeError or ValueError from the
converters or `json.dumps`), so the call that succeeds pays nothing for it.
"""

import math
import sys
from typing import Any

import attrs

from ..types import UNSET, Model
from .convert import ConversionError


def refusal(value: Any, cause: BaseException, name: str | None = None) -> ConversionError:
    """The `ConversionError` naming where in `value` (the argument `name`, when given) it cannot be sent.

    Re-raises `cause` when nothing in `value` explains it: that is a bug of ours, not the caller's.
    """
    found = find(value)
    if found is None:
        raise cause
    path, reason = found
    error = ConversionError(reason)
    error.path = [*reversed(path), *([name] if name is not None else [])]
    return error


def text_problem(text: str) -> str | None:
    """Why `text` cannot be sent as UTF-8 (a lone surrogate), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"a lone surrogate {text[e.start]!r} cannot be encoded as UTF-8"
    return None


def int_problem(number: int) -> str | None:
    limit = sys.get_int_max_str_digits()
    # bit_length first: str() of a huge int is the very thing that fails.
    if limit and number.bit_length() > limit * 3.32 - 4:
        try:
            str(number)
        except ValueError:
            return f"an integer of more than {limit} digits cannot be written"
    return None


def find(value: Any) -> tuple[list[str | int], str] | None:
    """The path (outermost key first) and reason of the first unsendable thing in `value`, if any."""
    # Depth first, without recursion (the values that make the encoder recurse too deep are the
    # point), keeping the ids of the containers on the current path to see a cycle.
    on_path: set[int] = set()
    deepest: _Path = None
    most = 0
    stack: list[tuple[Any, _Path, int] | int] = [(value, None, 0)]
    while stack:
        entry = stack.pop()
        if isinstance(entry, int):  # left a container
            on_path.discard(entry)
            continue
        item, path, depth = entry
        if depth > most:
            deepest, most = path, depth
        problem = _leaf_problem(item)
        if problem is not None:
            return _keys(path), problem
        children = _children(item)
        if children is None:
            continue
        if id(item) in on_path:
            return _keys(path), "refers to itself (a circular reference)"
        on_path.add(id(item))
        stack.append(id(item))
        for key, child in reversed(children):
            if isinstance(key, str) and (problem := text_problem(key)) is not None:
                return _keys(path), f"a key: {problem}"
            stack.append((child, (key, path), depth + 1))
    if most > 100:  # the encoder gave up on depth: say how deep, not the whole path
        return _keys(deepest)[:1], f"nested {most} levels deep, deeper than can be encoded"
    return None


_Path = tuple[Any, "_Path"] | None
"""A path as a linked list (innermost key first), so that a deep walk does not copy it at every level."""


def _keys(path: _Path) -> list[str | int]:
    keys: list[str | int] = []
    while path is not None:
        key, path = path
        keys.append(key)
    return keys[::-1]


def _children(item: Any) -> list[tuple[Any, Any]] | None:
    if isinstance(item, dict):
        return list(item.items())
    if isinstance(item, (list, tuple)):
        return list(enumerate(item))
    if isinstance(item, Model):
        fields = [(f.name, getattr(item, f.name)) for f in attrs.fields(type(item)) if f.name != "extra_fields"]
        return [(k, v) for k, v in fields if v is not UNSET] + list(item.extra_fields.items())
    return None


def _leaf_problem(item: Any) -> str | None:
    if item is None or isinstance(item, (bool, dict, list, tuple, Model)):
        return None
    if isinstance(item, str):
        return text_problem(item)
    if isinstance(item, int):
        return int_problem(item)
    if isinstance(item, float):
        return None if math.isfinite(item) else "NaN and infinity cannot be sent as JSON"
    if isinstance(item, (set, frozenset)):
        return f"a {type(item).__name__} cannot be sent as JSON (a list can)"
    if hasattr(item, "isoformat"):  # datetimes are written by the converter
        return None
    return f"a {type(item).__name__} cannot be sent as JSON"
