"""Hypothesis strategies for the fuzz tests, derived from the generated operations and models.

The oracles here are independent of the runtime's converter: which JSON kinds a declared type
accepts (`kinds`), and a spec-shaped value of a type (`shaped`) built the way docs/API.md says the
server may answer: extra fields anywhere, any string where an enum is open, unknown union tags.
"""

import datetime as dt
import importlib
import inspect
import os
import types
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import IO, Annotated, Any, Literal, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st

from mistral_fn._runtime import convert
from mistral_fn._runtime.invoke import Operation
from mistral_fn.funcs import OPERATIONS
from mistral_fn.testing.fakes import build
from mistral_fn.types import Discriminator, Model, Unset

PER_CALL = frozenset(("retries", "timeout_ms", "server_url", "http_headers", "cancel", "deadline_ms"))


@dataclass(frozen=True)
class OpInfo:
    """One generated operation: its function, its `OPERATION`, and its own keywords with their types."""

    name: str
    function: Callable[..., Any]
    op: Operation
    params: dict[str, tuple[Any, str]]
    """keyword -> (declared type, "body" | "path" | "query")"""
    required: tuple[str, ...]

    @property
    def ok_type(self) -> Any:
        return next(iter(self.op.ok.values()))

    @property
    def ok_status(self) -> int:
        return next(iter(self.op.ok))


@cache
def operation(name: str) -> OpInfo:
    module = importlib.import_module(f"mistral_fn.funcs.{name}")
    op: Operation = module.OPERATION
    function = getattr(module, name)
    fields: dict[str, Any] = {}
    if op.body is not None:
        attrs.resolve_types(op.body)
        fields = {f.name: f.type for f in attrs.fields(op.body)}
    params: dict[str, tuple[Any, str]] = {}
    required = []
    for p in inspect.signature(function).parameters.values():
        if p.kind is not p.KEYWORD_ONLY or (p.name in PER_CALL and p.name not in op.params):
            continue
        if p.name in fields:
            params[p.name] = (fields[p.name], "body")
        else:
            where = "path" if "{" + p.name + "}" in op.path else "query"
            params[p.name] = (op.params[p.name], where)
        if p.default is p.empty:
            required.append(p.name)
    return OpInfo(name, function, op, params, tuple(required))


NAMES = sorted(OPERATIONS)


def valid_arguments(info: OpInfo) -> dict[str, Any]:
    """Every required keyword with a value built from its own type (valid by construction)."""
    arguments: dict[str, Any] = {}
    for name in info.required:
        t, _ = info.params[name]
        if name in info.op.files:
            arguments[name] = ("data.jsonl", b'{"a": 1}\n')
        else:
            arguments[name] = convert.to_json(build(t, name))
    return arguments


# -- which JSON kinds a type accepts ----------------------------------------------------------------

ALL_KINDS = frozenset(("null", "bool", "int", "float", "str", "list", "dict"))


def kind(value: Any) -> str:
    """The JSON kind of a plain value."""
    if value is None:
        return "null"
    return {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "dict"}[type(value)]


def kinds(t: Any) -> frozenset[str]:
    """The JSON kinds a value of declared type `t` may have (what the spec allows, read off the type)."""
    if t is Any or t is object:
        return ALL_KINDS
    if t is Unset:
        return frozenset()
    if t is type(None) or t is None:
        return frozenset({"null"})
    origin = get_origin(t)
    if origin is Annotated:
        return kinds(get_args(t)[0])
    if origin in (Union, types.UnionType):
        return frozenset().union(*(kinds(m) for m in get_args(t)))
    if origin is Literal:
        return frozenset(kind(a) for a in get_args(t))
    if origin is list or t is list:
        return frozenset({"list"})
    if origin is tuple:
        return frozenset({"tuple"})  # only the upload's (name, content) form; JSON has no tuples
    if origin is dict or t is dict or (isinstance(t, type) and issubclass(t, Model)):
        return frozenset({"dict"})
    if t is str or t is dt.datetime:
        return frozenset({"str"})
    if t is float:
        return frozenset({"int", "float"})
    if t in (int, bool):
        return frozenset({t.__name__})
    if t is bytes:
        return frozenset({"bytes"})
    if origin in (os.PathLike, IO) or t in (os.PathLike, IO):
        return frozenset({"file"})
    raise TypeError(f"no JSON kinds known for {t!r}")


def accepted_kinds(info: OpInfo, name: str) -> frozenset[str]:
    t, where = info.params[name]
    accepted = kinds(t)
    if where == "query":  # docs/API.md: a None query parameter is simply not sent
        accepted |= {"null"}
    return accepted


# -- arbitrary JSON-ish values ----------------------------------------------------------------------

finite_floats = st.floats(allow_nan=False, allow_infinity=False)
json_leaves = st.none() | st.booleans() | st.integers() | finite_floats | st.text(max_size=12)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
BY_KIND: dict[str, st.SearchStrategy[Any]] = {
    "null": st.none(),
    "bool": st.booleans(),
    "int": st.integers(),
    "float": finite_floats.filter(lambda f: not f.is_integer()) | st.sampled_from([0.0, 1.0, -2.0]),
    "str": st.text(max_size=12),
    "list": st.lists(json_values, max_size=3),
    "dict": st.dictionaries(st.text(max_size=8), json_values, max_size=3),
}


def ill_typed(accepted: frozenset[str]) -> st.SearchStrategy[Any]:
    """JSON values of a kind outside `accepted`: none of them can fit."""
    return st.sampled_from(sorted(ALL_KINDS - accepted)).flatmap(BY_KIND.__getitem__)


# -- spec-shaped values of a type (what a server following the spec may send) ------------------------

field_names = st.text(st.characters(codec="ascii", categories=("Ll", "Nd")), min_size=1, max_size=10)
extra_values = st.none() | st.booleans() | st.integers() | finite_floats | st.text(max_size=8)
utc_datetimes = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1), timezones=st.just(dt.timezone.utc)
).map(lambda d: d.replace(tzinfo=None).isoformat() + "Z")


def shaped(t: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """JSON of declared type `t`: random where the spec leaves room, plus random extra properties."""
    return _shaped(t, min(depth, 6))


@cache
def _shaped(t: Any, depth: int) -> st.SearchStrategy[Any]:
    if t is Any or t is object:
        return json_values
    if isinstance(t, type) and issubclass(t, Model):
        return _model(t, depth)
    origin = get_origin(t)
    if origin is Annotated:
        inner, *meta = get_args(t)
        tagged = next((m for m in meta if isinstance(m, Discriminator)), None)
        if tagged is None:
            return shaped(inner, depth)
        return _tagged(inner, tagged, depth)
    if origin in (Union, types.UnionType):
        members = [m for m in get_args(t) if m is not Unset]
        return st.one_of([shaped(m, depth) for m in members])
    if origin is Literal:
        return st.sampled_from(get_args(t))
    if origin is list or t is list:
        (item,) = get_args(t) or (Any,)
        return st.lists(shaped(item, depth + 1), max_size=2 if depth < 4 else 0)
    if origin is dict or t is dict:
        args = get_args(t)
        value = shaped(args[1], depth + 1) if len(args) == 2 else extra_values
        return st.dictionaries(field_names, value, max_size=2 if depth < 4 else 0)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(max_size=16),
        int: st.integers(),
        float: finite_floats | st.integers(),
        bool: st.booleans(),
        type(None): st.none(),
        dt.datetime: utc_datetimes,
    }
    if t in simple:
        return simple[t]
    raise TypeError(f"cannot shape {t!r}")


def _model(cls: type[Model], depth: int) -> st.SearchStrategy[dict[str, Any]]:
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.name != "extra_fields"]
    required = {f.name: shaped(f.type, depth + 1) for f in fields if f.default is attrs.NOTHING}
    optional = {f.name: shaped(f.type, depth + 1) for f in fields if f.default is not attrs.NOTHING}
    names = {f.name for f in fields}
    extras = st.dictionaries(field_names.filter(lambda k: k not in names), extra_values, max_size=2)
    body = st.fixed_dictionaries(required, optional=optional if depth < 4 else {})
    return st.tuples(body, extras).map(lambda pair: {**pair[1], **pair[0]})


def _tagged(inner: Any, tagged: Discriminator, depth: int) -> st.SearchStrategy[Any]:
    prop = tagged.property
    options = [
        shaped(cls, depth).map(lambda value, tag=tag: {**value, prop: tag}) for tag, cls in tagged.mapping.items()
    ]
    members = get_args(inner)
    if any(m is dict or get_origin(m) is dict for m in members):
        # docs/API.md: an unknown tag is kept as a plain dict.
        unknown = field_names.filter(lambda tag: tag not in tagged.mapping)
        options.append(
            st.tuples(unknown, st.dictionaries(field_names, extra_values, max_size=3)).map(
                lambda pair: {**pair[1], prop: pair[0]}
            )
        )
    return st.one_of(options)


def lost(written: Any, sent: Any, where: str = "$") -> str | None:
    """Where `written` (a value read and written back) lost or changed part of `sent`; None if nothing was.

    Reading may add fields the model defaults (a missing `role` reads as its one allowed value), but
    every property that was sent must come back with the same value and JSON type.
    """
    if isinstance(sent, dict):
        if not isinstance(written, dict):
            return f"{where}: {sent!r:.80} became {written!r:.80}"
        for key, value in sent.items():
            if key not in written:
                return f"{where}.{key} was dropped"
            problem = lost(written[key], value, f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(sent, list):
        if not isinstance(written, list) or len(written) != len(sent):
            return f"{where}: {sent!r:.80} became {written!r:.80}"
        for i, (w, s) in enumerate(zip(written, sent, strict=True)):
            problem = lost(w, s, f"{where}[{i}]")
            if problem:
                return problem
        return None
    if type(written) is not type(sent) or written != sent:
        return f"{where}: {sent!r:.80} became {written!r:.80}"
    return None
