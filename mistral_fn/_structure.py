"""The strict cattrs converter for the caller's own attrs classes (outputs and tool arguments).

Strict as the schema `json_schema` writes: no coercion (`"3"` is not an int, `1` is not a bool), no
unknown keys, a missing required field is an error. Errors carry the JSON path of each problem.
It is built on first use, so importing the modules that use it costs nothing.
"""

import datetime as dt
import types
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import cattrs


class StructureError(Exception):
    """A value that does not fit its type; `problems` are `message @ $.path` lines, `path` the first path."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.path = problems[0].rpartition(" @ ")[2] if problems else "$"


def _exact(kind: type, name: str) -> Any:
    def structure(v: Any, _: Any) -> Any:
        if type(v) is kind:
            return v
        raise ValueError(f"expected {name}, got {_json_kind(v)}")

    return structure


def _number(v: Any, _: Any) -> float:
    if type(v) is float or type(v) is int:
        return v
    raise ValueError(f"expected a number, got {_json_kind(v)}")


def _datetime(v: Any, _: Any) -> dt.datetime:
    if type(v) is not str:
        raise ValueError(f"expected a date-time string, got {_json_kind(v)}")
    text = v[:-1] + "+00:00" if v.endswith(("Z", "z")) else v  # Python 3.10 does not read `Z`
    return dt.datetime.fromisoformat(text)


def _date(v: Any, _: Any) -> dt.date:
    if type(v) is not str:
        raise ValueError(f"expected a date string, got {_json_kind(v)}")
    return dt.date.fromisoformat(v)


def _json_kind(v: Any) -> str:
    if v is None:
        return "null"
    return {str: "a string", int: "an integer", float: "a number", bool: "a boolean", list: "an array"}.get(
        type(v), "an object" if isinstance(v, dict) else type(v).__name__
    )


_PLAIN = (str, int, float, bool, type(None), dt.datetime, dt.date)


def _plain_union(t: Any) -> bool:
    """A union of plain values (`int | str`, `Literal[...] | None`...): tried member by member."""
    if get_origin(t) not in (Union, types.UnionType):
        return False
    return all(a in _PLAIN or get_origin(a) is Literal for a in get_args(t))


def _plain_union_hook(c: cattrs.Converter) -> Any:
    def factory(t: Any) -> Any:
        members = [(a, None if a is type(None) else c.get_structure_hook(a)) for a in get_args(t)]

        def structure_union(v: Any, _: Any) -> Any:
            for member, hook in members:
                if member is type(None):
                    if v is None:
                        return None
                    continue
                try:
                    return hook(v, member)  # type: ignore[misc]
                except Exception:  # noqa: BLE001 - the next member may fit
                    continue
            raise ValueError(f"{_json_kind(v)} fits none of {t}")

        return structure_union

    return factory


@cache
def converter() -> cattrs.Converter:
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    c.register_structure_hook(str, _exact(str, "a string"))
    c.register_structure_hook(int, _exact(int, "an integer"))
    c.register_structure_hook(bool, _exact(bool, "a boolean"))
    c.register_structure_hook(float, _number)
    c.register_structure_hook(dt.datetime, _datetime)
    c.register_structure_hook(dt.date, _date)
    c.register_structure_hook_factory(_plain_union, _plain_union_hook(c))
    c.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    c.register_unstructure_hook(dt.date, dt.date.isoformat)
    return c


def _message(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {sorted(exc.extra_fields)}"
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    return f"invalid value for {getattr(type_, '__name__', type_)}: {exc}"


def structure(data: Any, t: Any) -> Any:
    """`data` (decoded JSON) as a `t`; raises `StructureError` listing each problem with its path."""
    try:
        return converter().structure(data, t)
    except Exception as e:
        problems = cattrs.transform_error(e, path="$", format_exception=_message)
        raise StructureError(problems or [f"{type(e).__name__}: {e} @ $"]) from e


def unstructure(value: Any) -> Any:
    """A value of the caller's types as JSON-ready data."""
    return converter().unstructure(value)
