"""JSON values made from the spec's schemas, for tests: every property, or only the required ones.

A value follows the schema the way a server or caller would write it: an enum's first value, a
union's first non-null member, a discriminated union's first mapped member with its tag, strings
from the spec's `examples` where it gives one, date-times as the writer prints them.
"""

import functools
from typing import Any

from codegen import spec as specs
from codegen.spec import Spec, flatten_properties, ref_name

DATETIME = "2025-01-02T03:04:05Z"


@functools.cache
def load() -> Spec:
    return specs.load()


def sample(s: dict[str, Any], full: bool = True, the_spec: Spec | None = None) -> Any:
    """A JSON value valid for schema `s` (all properties when `full`, else required ones only)."""
    sp = the_spec or load()
    if "$ref" in s:
        return sample(sp.schemas[ref_name(s["$ref"])], full, sp)
    if "const" in s:
        return s["const"]
    if "enum" in s:
        return s["enum"][0]
    if "allOf" in s:  # flattened, as the generator does: properties and required lists of every part
        props = flatten_properties(sp, s)
        required = {r for part in [s, *map(sp.resolve, s["allOf"])] for r in _required(part, sp)}
        return {name: sample(p, full, sp) for name, p in props.items() if full or name in required}
    variants = s.get("oneOf") or s.get("anyOf")
    if variants:
        disc = s.get("discriminator")
        if disc:
            tag, ref = next(iter(disc["mapping"].items()))
            value = sample({"$ref": ref}, full, sp)
            value[disc["propertyName"]] = tag
            return value
        first = next(v for v in variants if v.get("type") != "null")
        return sample(first, full, sp)
    kind = s.get("type")
    if isinstance(kind, list):
        return sample({**s, "type": next(k for k in kind if k != "null")}, full, sp)
    if kind == "string":
        if s.get("format") == "date-time":
            return DATETIME
        if s.get("format") == "binary":
            return b"binary content"
        example = (s.get("examples") or [None])[0]
        return example if isinstance(example, str) else "text"
    if kind == "integer":
        return 1
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "array":
        return [sample(s["items"], full, sp)] if "items" in s else ["item"]
    if kind == "object" or "properties" in s or "additionalProperties" in s:
        return _object(s, full, sp)
    return "anything"


def _required(s: dict[str, Any], sp: Spec) -> set[str]:
    names = set(s.get("required", []))
    for part in s.get("allOf", []):
        names |= _required(sp.resolve(part), sp)
    return names


def _object(s: dict[str, Any], full: bool, sp: Spec) -> dict[str, Any]:
    required = set(s.get("required", []))
    props = s.get("properties") or {}
    out = {name: sample(p, full, sp) for name, p in props.items() if full or name in required}
    extra = s.get("additionalProperties")
    if not props and extra is not False:
        out["key"] = sample(extra, full, sp) if isinstance(extra, dict) and extra else "value"
    return out


def schema_sample(name: str, full: bool = True) -> Any:
    return sample(load().schemas[name], full)
