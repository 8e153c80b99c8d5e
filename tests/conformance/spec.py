"""The OpenAPI document for the conformance tests: loading, `$ref`s, and two JSON Schema checks.

`strict_errors` is plain JSON Schema 2020-12 validation, the way Prism judges a body.
`lenient_errors` applies only the rules docs/API.md says a response is read by: a required property
may be missing, unknown properties, enum values and union tags are kept, bounds and patterns are
not checked (and a property the spec's own examples show as null may be null, see
`null_in_examples`); what is left (a JSON type that cannot be read as the declared one) is what
must give `Err(ResponseValidationError)`.

The spec is found as the generator finds it: `MISTRAL_OPENAPI_SPEC`, else
`../shared/openapi/mistral-openapi.yaml` from the repo root; `operations.tsv` lies beside it.
"""

import copy
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from jsonschema import _keywords as keywords
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from codegen.spec import read_operations, spec_path

ROOT = Path(__file__).resolve().parents[2]
SPEC_URI = "urn:mistral-openapi"


@functools.cache
def document() -> dict[str, Any]:
    path = spec_path()
    if not path.is_file():
        raise FileNotFoundError(f"OpenAPI spec not found at {path} (set MISTRAL_OPENAPI_SPEC)")
    with path.open(encoding="utf-8") as f:
        doc: dict[str, Any] = yaml.safe_load(f)
    return doc


@dataclass(frozen=True)
class Operation:
    """One row of operations.tsv with its spec entry."""

    python_name: str
    method: str
    path: str
    """The wire path (no `#stream` fragment)."""
    spec_path: str
    """The key under `paths` (may carry `#stream`)."""
    operation_id: str
    streaming: bool
    op: dict[str, Any]

    @property
    def pointer(self) -> str:
        """JSON pointer of this operation inside the spec."""
        return f"/paths/{escape(self.spec_path)}/{self.method.lower()}"

    def parameters(self) -> list[dict[str, Any]]:
        return [resolve(p) for p in self.op.get("parameters", [])]

    def body(self) -> tuple[str, dict[str, Any], str] | None:
        """(media type, schema, pointer of the schema) of the request body, if any."""
        request = self.op.get("requestBody")
        if request is None:
            return None
        (media, content), *_ = request["content"].items()
        return media, content["schema"], f"{self.pointer}/requestBody/content/{escape(media)}/schema"

    def success(self) -> list[tuple[int, str | None, dict[str, Any] | None, str | None]]:
        """(status, media type, schema, pointer of the schema) of each 2XX response."""
        out: list[tuple[int, str | None, dict[str, Any] | None, str | None]] = []
        for status, response in self.op["responses"].items():
            if not 200 <= int(status) < 300:
                continue
            content = resolve(response).get("content") or {}
            if not content:
                out.append((int(status), None, None, None))
            for media, c in content.items():
                out.append(
                    (
                        int(status),
                        media,
                        c.get("schema"),
                        f"{self.pointer}/responses/{status}/content/{escape(media)}/schema",
                    )
                )
        return out

    def examples(self) -> list[tuple[str, Any, str]]:
        """(name, value, pointer of the schema) of each example of a JSON success response."""
        out = []
        for status, response in self.op["responses"].items():
            if not 200 <= int(status) < 300:
                continue
            c = (resolve(response).get("content") or {}).get("application/json")
            if not c:
                continue
            pointer = f"{self.pointer}/responses/{status}/content/application~1json/schema"
            for name, example in (c.get("examples") or {}).items():
                out.append((name, resolve(example)["value"], pointer))
        return out


def escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


@functools.cache
def operations() -> tuple[Operation, ...]:
    doc = document()
    by_id: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "operationId" in op:
                by_id[op["operationId"]] = (path, method, op)
    out = []
    for row in read_operations():
        spec_path_, method, op = by_id[row.operation_id]
        out.append(
            Operation(
                python_name=row.python_name,
                method=method.upper(),
                path=row.path,
                spec_path=spec_path_,
                operation_id=row.operation_id,
                streaming=row.streaming,
                op=op,
            )
        )
    return tuple(out)


def operation(python_name: str) -> Operation:
    return next(o for o in operations() if o.python_name == python_name)


def lookup(pointer: str) -> Any:
    node: Any = document()
    for part in pointer.lstrip("#").strip("/").split("/"):
        if part:
            part = part.replace("~1", "/").replace("~0", "~")
            node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = lookup(node["$ref"])
    return node


def ref_name(node: Any) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        return str(node["$ref"]).rsplit("/", 1)[-1]
    return None


# -- validation ------------------------------------------------------------------------------


@functools.cache
def _registry(lenient: bool = False) -> Registry:
    doc = _read_as_nullable(document()) if lenient else document()
    return Registry().with_resource(SPEC_URI, Resource.from_contents(doc, default_specification=DRAFT202012))


def null_in_examples() -> set[tuple[str, str]]:
    """(schema, property) pairs that hold `null` in the spec's own success examples, though the
    schema allows no null (the files examples' `"bytes": null`). The client reads (and types)
    them as nullable, on the ground that the examples show what the server sends; so does the
    lenient check. The generator decides the same in codegen/quirks.py (`nullable_by_example`)."""
    found: set[tuple[str, str]] = set()

    def walk(schema: Any, value: Any, name: str | None) -> None:
        if isinstance(schema, dict) and "$ref" in schema:
            walk(resolve(schema), value, ref_name(schema))
            return
        if not isinstance(schema, dict):
            return
        if isinstance(value, dict):
            props = _properties(schema)
            for key, item in value.items():
                prop = props.get(key)
                if prop is None:
                    continue
                if item is None and name is not None and not allows_null(prop):
                    found.add((name, key))
                walk(prop, item, None)
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                walk(schema["items"], item, None)

    for op in operations():
        for _, value, pointer in op.examples():
            walk(lookup(pointer), value, None)
    return found


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        out.update(_properties(resolve(part)))
    out.update(schema.get("properties") or {})
    return out


def allows_null(schema: Any) -> bool:
    s = resolve(schema)
    kind = s.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(allows_null(m) for m in s.get("anyOf") or s.get("oneOf") or ())


def _read_as_nullable(doc: dict[str, Any]) -> dict[str, Any]:
    patched = copy.deepcopy(doc)
    for schema, prop in null_in_examples():
        props = patched["components"]["schemas"][schema]["properties"]
        props[prop] = {"anyOf": [props[prop], {"type": "null"}]}
    return patched


def _noop(*_: Any) -> Iterator[ValidationError]:
    return iter(())


def _additional_properties(validator: Any, ap: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if ap is False:  # unknown properties are kept, not rejected
        return iter(())
    return keywords.additionalProperties(validator, ap, instance, schema)  # type: ignore[no-any-return]


def _one_of(validator: Any, one_of: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """A tagged union picks its member by tag (an unknown or missing tag is kept as is);
    an untagged one is read as the first member that fits (anyOf)."""
    d = schema.get("discriminator")
    if d is not None and isinstance(instance, dict):
        tag = instance.get(d["propertyName"])
        target = d.get("mapping", {}).get(tag) if isinstance(tag, str) else None
        if target is None:
            return
        yield from validator.descend(instance, {"$ref": SPEC_URI + target})
        return
    yield from keywords.anyOf(validator, one_of, instance, schema)


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return False
    return True


_lenient_formats = FormatChecker(formats=())
_lenient_formats.checks("date-time")(_date_time)

LenientValidator = validators.extend(
    Draft202012Validator,
    {
        "required": _noop,
        "enum": _noop,
        "const": _noop,
        "additionalProperties": _additional_properties,
        "oneOf": _one_of,
        "minimum": _noop,
        "maximum": _noop,
        "exclusiveMinimum": _noop,
        "exclusiveMaximum": _noop,
        "minLength": _noop,
        "maxLength": _noop,
        "minItems": _noop,
        "maxItems": _noop,
        "pattern": _noop,
        "uniqueItems": _noop,
    },
)


def _errors(cls: Any, pointer: str, value: Any, **kw: Any) -> list[ValidationError]:
    validator = cls({"$ref": f"{SPEC_URI}#{pointer}"}, registry=_registry(cls is LenientValidator), **kw)
    return sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path).__repr__())


def strict_errors(pointer: str, value: Any) -> list[ValidationError]:
    """JSON Schema 2020-12 errors of `value` against the schema at `pointer` (formats checked)."""
    return _errors(Draft202012Validator, pointer, value, format_checker=Draft202012Validator.FORMAT_CHECKER)


def lenient_errors(pointer: str, value: Any) -> list[ValidationError]:
    """The errors that remain under docs/API.md's lenient reading (see the module docstring)."""
    return _errors(LenientValidator, pointer, value, format_checker=_lenient_formats)


def describe(errors: list[ValidationError]) -> str:
    return "; ".join(f"$.{'.'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors)
