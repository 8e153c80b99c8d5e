"""Keyword arguments for every operation, built from the spec's parameter and request-body schemas.

Up to four argument sets per operation:

- `required`: required parameters and properties only, recursively; the first member of each
  union, the first enum value, the spec's example where it gives one.
- `full`: every optional property as well (nested ones too, to a depth), the last member of each
  union, one array item per member of an array of unions, the last enum value.
- `nulls`: `required` plus `None` (JSON null) for each body property that allows null, nested
  ones included; only for operations with a JSON body that has some.
- `models`: `full` with every object of a named schema given as its model instance
  (`mistral_fn.models.<schema>`), union tags left to the models' defaults; where there are some.

Values fit their schemas (enums, formats, `oneOf` discriminators, nullable, min/max, lengths,
patterns); `check()` proves it against the spec with JSON Schema, so a request Prism rejects is
the client's doing, never the test's. Date-times are `datetime` objects and uploads are
`(filename, bytes, content type)` tuples, as a caller passes them; `wire()` gives their JSON form.

Prism's limits shape some values (not the client): an array sent as a query parameter is given
two items at least, since Prism reads a single `a=x` as a string; an array sent as multipart
fields Prism cannot read at all (`a=x`, `a=y` is "must be array" to it), so those keywords are
marked `not_for_prism` and checked on the wire by test_wire.py.
"""

import datetime as dt
import importlib
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import attrs

from . import spec

MAX_DEPTH = 8
"""How deep `full` goes into optional properties before it keeps to the required ones."""

WHEN = dt.datetime(2025, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)

PATTERNS = {
    r"^\w{2}$": "en",
    r"^[^,\s]+$": "Mistral",
    r"^[a-z]([a-z0-9_-]*[a-z0-9])?$": "prod-alias_2",
}
"""A value for each `pattern` the spec uses (a new pattern fails loudly in `_string`)."""

UPLOADS = {
    "files_upload": ("train.jsonl", b'{"messages": [{"role": "user", "content": "hi"}]}\n', "application/jsonl"),
    "beta_libraries_documents_upload": ("notes.txt", b"Le Mistral souffle sur la vallee du Rhone.\n", "text/plain"),
    "audio_transcriptions_complete": ("hello.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00fake-mp3", "audio/mpeg"),
    "audio_transcriptions_stream": ("hello.mp3", b"ID3\x04\x00\x00\x00\x00\x00\x00fake-mp3", "audio/mpeg"),
}

PATH_EXAMPLES = {
    "model_id": "ft:open-mistral-7b:587a6b29:20240514:7e773925",
}
"""Path values worth more than a placeholder: a fine-tuned model id keeps its colons on the wire."""


class Typed(dict):  # type: ignore[type-arg]
    """An object built for a named schema; `plain()` makes it a dict, `instances()` a model."""

    def __init__(self, schema: str, value: dict[str, Any]) -> None:
        super().__init__(value)
        self.schema = schema


def plain(value: Any) -> Any:
    """Plain dicts and lists all the way down (the client takes exact `dict`s)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def instances(value: Any) -> Any:
    """Model instances (`mistral_fn.models.<schema>`) for every `Typed` object, tags left to their
    defaults, as a caller who builds models writes them."""
    if isinstance(value, Typed):
        cls = getattr(importlib.import_module("mistral_fn.models"), value.schema)
        if not attrs.has(cls):  # a schema the models type as a plain mapping (e.g. `JSONSchema`)
            return {k: instances(v) for k, v in value.items()}
        fields = attrs.fields_dict(cls)
        kwargs = {}
        for k, v in value.items():
            default = fields[k].default if k in fields else attrs.NOTHING
            if isinstance(v, str) and isinstance(default, str) and default == v:
                continue  # a tag: the model's default
            kwargs[k] = instances(v)
        return cls(**kwargs)
    if isinstance(value, dict):
        return {k: instances(v) for k, v in value.items()}
    if isinstance(value, list):
        return [instances(v) for v in value]
    return value


class Upload(tuple):  # type: ignore[type-arg]
    """An upload argument `(filename, content, content_type)`; its JSON Schema form is a string."""

    __slots__ = ()


@dataclass
class ArgSet:
    """One call's keyword arguments, and where each goes on the wire."""

    name: str
    kwargs: dict[str, Any]
    where: dict[str, str] = field(default_factory=dict)
    """Keyword -> `path`, `query` or `body`."""
    plain: dict[str, Any] = field(default_factory=dict)
    """The same arguments as plain JSON-shaped values (what `check()` and messages use)."""
    not_for_prism: tuple[str, ...] = ()
    """Keywords Prism cannot read (arrays as multipart fields): left out of the calls to Prism,
    checked on the wire by test_wire.py instead."""

    def for_prism(self) -> dict[str, Any]:
        return {k: v for k, v in self.kwargs.items() if k not in self.not_for_prism}


def wire(value: Any) -> Any:
    """The JSON form of an argument value (what JSON Schema sees)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if isinstance(value, Upload):
        return value[1].decode("latin-1")
    if isinstance(value, dict):
        return {k: wire(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [wire(v) for v in value]
    return value


class _Builder:
    def __init__(self, op: spec.Operation, mode: str) -> None:
        self.op = op
        self.mode = mode
        self.full = mode == "full"
        self.nulls = mode == "nulls"

    # -- schemas ---------------------------------------------------------------------------
    def value(self, schema: Any, ctx: str, depth: int, prop: str = "") -> Any:
        """A value for `schema`; `ctx` is `json`, `query`, `multipart` or `path`. An object of a
        named schema comes as `Typed`, so that the `models` set can make it a model instance."""
        value = self._value(schema, ctx, depth, prop)
        name = spec.ref_name(schema)
        s = spec.resolve(schema)
        if name is not None and isinstance(value, dict) and not (s.get("oneOf") or s.get("anyOf")):
            return Typed(name, value)
        return value

    def _value(self, schema: Any, ctx: str, depth: int, prop: str) -> Any:
        s = spec.resolve(schema)
        if "allOf" in s:
            return self.value(_merge_all_of(s), ctx, depth, prop)
        if "const" in s:
            return s["const"]
        if s.get("enum"):
            if self.nulls and None in s["enum"]:
                return None
            values = [v for v in s["enum"] if v is not None] or [None]
            return values[-1] if self.full else values[0]
        example = self.example(s)
        if example is not _NONE:
            return example
        members = s.get("oneOf") or s.get("anyOf")
        if members is not None:
            return self.union(s, members, ctx, depth, prop)
        kind = s.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind is None and "properties" in s:
            kind = "object"
        if kind == "object" or (kind is None and "additionalProperties" in s):
            return self.object(s, ctx, depth)
        if kind == "array":
            return self.array(s, ctx, depth, prop)
        if kind == "string":
            return self.string(s, ctx, prop)
        if kind == "integer":
            return int(self.number(s, integer=True))
        if kind == "number":
            return self.number(s, integer=False)
        if kind == "boolean":
            return self.full
        if kind == "null":
            return None
        if kind is None:  # `{}`: anything
            return {"any": "value"} if self.full else "value"
        raise ValueError(f"{self.op.python_name}: no value for schema {s!r:.200}")

    def example(self, s: dict[str, Any]) -> Any:
        """The spec's own example, where it has one that fits (for scalars; `required` mode also
        takes structured ones, `full` builds those to cover more)."""
        examples = list(s.get("examples") or ([s["example"]] if "example" in s else []))
        if not examples:
            return _NONE
        value = examples[-1] if self.full else examples[0]
        if self.full and isinstance(value, (dict, list)):
            return _NONE
        return value

    def union(self, s: dict[str, Any], members: list[Any], ctx: str, depth: int, prop: str) -> Any:
        options = [m for m in members if spec.resolve(m).get("type") != "null"]
        if not options:
            return None
        chosen = options[-1] if self.full else options[0]
        return self.member(s, chosen, ctx, depth, prop)

    def member(self, union: dict[str, Any], member: Any, ctx: str, depth: int, prop: str) -> Any:
        value = self.value(member, ctx, depth, prop)
        d = union.get("discriminator")
        if d is not None and isinstance(value, dict):
            for tag, target in (d.get("mapping") or {}).items():
                if spec.ref_name({"$ref": target}) == spec.ref_name(member):
                    tagged = {d["propertyName"]: tag, **value}
                    value = Typed(value.schema, tagged) if isinstance(value, Typed) else tagged
        return value

    def object(self, s: dict[str, Any], ctx: str, depth: int) -> dict[str, Any]:
        props = s.get("properties") or {}
        required = set(s.get("required") or ())
        out: dict[str, Any] = {}
        for name, p in props.items():
            r = spec.resolve(p)
            is_tag = "const" in r or len(r.get("enum") or ()) == 1
            if self.nulls and not is_tag and spec.allows_null(p):
                out[name] = None  # `nulls`: null wherever the schema allows it, at every depth
            elif name in required or is_tag or (self.full and depth < MAX_DEPTH):
                out[name] = self.value(p, ctx, depth + 1, name)
        extra = s.get("additionalProperties")
        if not props and extra not in (None, False) and self.full:
            out["key"] = self.value(extra, ctx, depth + 1, "key") if isinstance(extra, dict) and extra else "value"
        return out

    def array(self, s: dict[str, Any], ctx: str, depth: int, prop: str) -> list[Any]:
        items = s.get("items", {})
        lo = int(s.get("minItems", 0))
        hi = int(s.get("maxItems", 1 << 30))
        # Prism reads `a=x` (or one multipart field) as a string, not an array: send two at least.
        least = 2 if ctx in ("query", "multipart") else 1
        r = spec.resolve(items)
        members = r.get("oneOf") or r.get("anyOf")
        if self.full and members and len(members) > 1:
            values = [self.member(r, m, ctx, depth + 1, prop) for m in members if spec.resolve(m).get("type") != "null"]
        elif r.get("enum") and len(r["enum"]) > 1:
            values = list(reversed(r["enum"]) if self.full else r["enum"])[: max(lo, least)]
        else:
            values = [self.value(items, ctx, depth + 1, prop)]
        if self.full and not members and ctx == "json":
            values.append(self.value(items, ctx, depth + 1, prop))
        while len(values) < max(lo, least):
            values.append(values[0])
        return values[: max(min(hi, len(values)), lo)]

    def string(self, s: dict[str, Any], ctx: str, prop: str) -> Any:
        fmt = s.get("format")
        if fmt == "date-time":
            return WHEN
        if fmt == "binary" and ctx == "json":  # bytes in a JSON body (`AudioChunk.input_audio`): base64 text
            return "SUQzBAAAAAAAAGZha2UtbXAz"
        if fmt == "binary":
            upload = UPLOADS.get(self.op.python_name, ("data.bin", b"\x00\x01binary", "application/octet-stream"))
            return Upload(upload)
        if fmt == "uuid":
            return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.op.python_name}/{prop}/{self.mode}"))
        if fmt == "uri":
            return "https://docs.mistral.ai/img/sample.mp3"
        if fmt == "date":
            return "2025-03-04"
        pattern = s.get("pattern")
        if pattern is not None:
            if pattern not in PATTERNS:
                raise ValueError(f"{self.op.python_name}.{prop}: no value for pattern {pattern!r}; add it to PATTERNS")
            text = PATTERNS[pattern]
        else:
            text = f"{prop or 'text'}-{'full' if self.full else 'value'}"
        lo, hi = int(s.get("minLength", 0)), int(s.get("maxLength", 1 << 30))
        if len(text) < lo:
            text = (text + "0123456789abcdef" * (lo // 16 + 1))[:lo]
        text = text[:hi]
        if pattern is not None and not re.search(pattern, text):
            raise ValueError(f"{self.op.python_name}.{prop}: {text!r} does not match {pattern!r}")
        return text

    def number(self, s: dict[str, Any], integer: bool) -> float:
        step = 1 if integer else 0.5
        lo = s.get("minimum")
        if lo is None and "exclusiveMinimum" in s:
            lo = s["exclusiveMinimum"] + step
        hi = s.get("maximum")
        if hi is None and "exclusiveMaximum" in s:
            hi = s["exclusiveMaximum"] - step
        if self.full:
            if lo is not None and hi is not None:
                value = (lo + hi) / 2
            elif lo is not None:
                value = lo + 2 * step
            elif hi is not None:
                value = hi - 2 * step
            else:
                value = 3 * step
        else:
            value = lo if lo is not None else min(step, hi) if hi is not None else step
        return int(value) if integer else float(value)


_NONE = object()


def _merge_all_of(s: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for part in [*s["allOf"], {k: v for k, v in s.items() if k != "allOf"}]:
        p = spec.resolve(part)
        if "allOf" in p:
            p = _merge_all_of(p)
        merged["properties"].update(p.get("properties") or {})
        merged["required"] += p.get("required") or []
        for key in ("additionalProperties", "discriminator"):
            if key in p:
                merged[key] = p[key]
    return merged


def _body_object(op: spec.Operation) -> tuple[str, dict[str, Any]] | None:
    body = op.body()
    if body is None:
        return None
    media, schema, _ = body
    s = spec.resolve(schema)
    return media, _merge_all_of(s) if "allOf" in s else s


FIXED = {"stream"}
"""Body properties the function sets itself (docs/API.md: `stream` is False in chat_complete, True in chat_stream)."""


def build(op: spec.Operation, mode: str) -> ArgSet | None:
    """The argument set `mode` for `op`, or None where that set would repeat another."""
    b = _Builder(op, mode)
    kwargs: dict[str, Any] = {}
    where: dict[str, str] = {}
    for p in op.parameters():
        if not (p.get("required") or mode == "full"):
            continue
        schema = p.get("schema")
        if schema is None:
            schema = next(iter(p["content"].values()))["schema"]
        if p["in"] == "path" and mode == "full" and p["name"] in PATH_EXAMPLES:
            value: Any = PATH_EXAMPLES[p["name"]]
        else:
            value = b.value(schema, p["in"], 0, p["name"])
        kwargs[p["name"]] = value
        where[p["name"]] = p["in"]
    body = _body_object(op)
    has_null = False
    skip: list[str] = []
    if body is not None:
        media, s = body
        ctx = "multipart" if media == "multipart/form-data" else "json"
        required = set(s.get("required") or ())
        for name, p in (s.get("properties") or {}).items():
            if name in FIXED:
                continue
            r = spec.resolve(p)
            nullable = any(spec.resolve(m).get("type") == "null" for m in r.get("anyOf") or r.get("oneOf") or ())
            if name in required or mode == "full":
                kwargs[name] = b.value(p, ctx, 1, name)
            elif mode == "nulls" and nullable and ctx == "json":
                kwargs[name] = None
                has_null = True
            else:
                continue
            where[name] = "body"
            if ctx == "multipart" and _is_array(p):
                # Prism 5 reads repeated form fields (`a=x`, `a=y`) as a string, never an array.
                skip.append(name)
    if mode == "nulls" and not has_null:
        return None
    kwargs = plain(kwargs)
    return ArgSet(mode, kwargs, where, kwargs, tuple(skip))


def _is_array(schema: Any) -> bool:
    s = spec.resolve(schema)
    return s.get("type") == "array" or any(_is_array(m) for m in s.get("anyOf") or s.get("oneOf") or ())


MODES = ("required", "full", "nulls")


def argument_sets(op: spec.Operation) -> list[ArgSet]:
    """`required`, `full`, then `nulls` and `models` where they apply."""
    sets = [s for s in (build(op, m) for m in MODES) if s is not None]
    full = sets[1]
    typed = _Builder(op, "full")
    models = {k: instances(_rebuild(typed, op, k)) for k in full.kwargs}
    if any(_has_model(v) for v in models.values()):
        sets.append(ArgSet("models", models, full.where, full.plain, full.not_for_prism))
    return sets


def _rebuild(b: "_Builder", op: spec.Operation, name: str) -> Any:
    """The `full` value of one keyword, `Typed` objects kept."""
    for p in op.parameters():
        if p["name"] == name:
            if p["in"] == "path" and name in PATH_EXAMPLES:
                return PATH_EXAMPLES[name]
            schema = p.get("schema") or next(iter(p["content"].values()))["schema"]
            return b.value(schema, p["in"], 0, name)
    body = _body_object(op)
    assert body is not None
    media, s = body
    return b.value(s["properties"][name], "multipart" if media == "multipart/form-data" else "json", 1, name)


def _has_model(value: Any) -> bool:
    if attrs.has(type(value)):
        return True
    if isinstance(value, dict):
        return any(_has_model(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_model(v) for v in value)
    return False


Patch = Callable[[str, dict[str, Any]], dict[str, Any]]


def wire_body(op: spec.Operation, args: ArgSet) -> dict[str, Any]:
    """The JSON body this argument set should send (before any Prism workaround)."""
    body = {k: wire(v) for k, v in args.plain.items() if args.where.get(k) == "body"}
    b = _body_object(op)
    if b is not None and "stream" in (b[1].get("properties") or {}):
        body["stream"] = op.streaming
    return body


def check(op: spec.Operation, args: ArgSet, patch: Patch | None = None) -> list[str]:
    """Problems of `args` against the spec (an empty list when they fit): the test's own check."""
    problems = []
    for p in op.parameters():
        name = p["name"]
        if name not in args.plain:
            if p.get("required"):
                problems.append(f"missing required {p['in']} parameter {name}")
            continue
        index = op.op["parameters"].index(next(x for x in op.op["parameters"] if spec.resolve(x) is p))
        pointer = f"{op.pointer}/parameters/{index}"
        pointer += "/schema" if "schema" in p else f"/content/{spec.escape(next(iter(p['content'])))}/schema"
        errors = spec.strict_errors(pointer, wire(args.plain[name]))
        problems += [f"{p['in']} {name}: {spec.describe(errors)}"] if errors else []
    body = op.body()
    if body is not None:
        value = wire_body(op, args)
        if patch is not None:
            value = patch(op.operation_id, value)
        errors = spec.strict_errors(body[2], value)
        problems += [f"body: {spec.describe(errors)}"] if errors else []
    return problems
