"""Read a request back as the spec describes it, and check it with JSON Schema.

Where Prism cannot judge a request (arrays as repeated multipart fields, streaming variants),
the request the client made is decoded here the way OpenAPI 3.1 says it is encoded (form style,
exploded; `content: application/json` parameters; multipart parts), and each part is validated
against its schema.
"""

import email.parser
import email.policy
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from . import spec


@dataclass
class Decoded:
    path: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    media: str | None = None
    problems: list[str] = field(default_factory=list)


def decode(op: spec.Operation, target: str, content_type: str | None, body: bytes | None) -> Decoded:
    """The path parameters, query parameters and body of a request, as JSON values."""
    out = Decoded()
    url = urlsplit(target)
    pattern = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op.path)) + "$"
    match = re.match(pattern, url.path)
    if match is None:
        out.problems.append(f"path {url.path!r} does not match {op.path}")
    else:
        out.path = {k: unquote(v) for k, v in match.groupdict().items()}
    pairs = parse_qsl(url.query, keep_blank_values=True)
    params = {p["name"]: p for p in op.parameters() if p["in"] == "query"}
    grouped: dict[str, list[str]] = {}
    for k, v in pairs:
        grouped.setdefault(k, []).append(v)
    exploded = [p for p in params.values() if "schema" in p and "object" in _types(p["schema"])]
    for name, values in grouped.items():
        p = params.get(name)
        if p is None:
            if exploded:  # form style, exploded object: its keys are query names of their own
                out.query.setdefault(exploded[0]["name"], {})[name] = values[0]
            else:
                out.problems.append(f"query parameter {name!r} is not in the spec")
            continue
        if "content" in p:
            out.query[name] = json.loads(values[0])
        else:
            out.query[name] = coerce(p["schema"], values)
    if body:
        out.media = (content_type or "").split(";")[0].strip()
        if out.media == "application/json":
            out.body = json.loads(body)
        elif out.media == "multipart/form-data":
            out.body = _multipart(op, content_type or "", body, out)
        else:
            out.problems.append(f"unexpected body media type {content_type!r}")
    return out


def _multipart(op: spec.Operation, content_type: str, body: bytes, out: Decoded) -> dict[str, Any]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    fields: dict[str, list[str]] = {}
    files: dict[str, str] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_filename() is not None:
            files[str(name)] = (part.get_payload(decode=True) or b"").decode("latin-1")
        else:
            if part.get("Content-Type") is not None:
                out.problems.append(f"multipart text part {name!r} has a Content-Type")
            fields.setdefault(str(name), []).append((part.get_payload(decode=True) or b"").decode())
    schema = _body_schema(op)
    props = schema.get("properties") or {}
    decoded: dict[str, Any] = {}
    for name, values in fields.items():
        decoded[name] = coerce(props.get(name, {}), values)
    decoded.update(files)
    return decoded


def _body_schema(op: spec.Operation) -> dict[str, Any]:
    body = op.body()
    if body is None:
        return {}
    s = spec.resolve(body[1])
    merged: dict[str, Any] = {"properties": {}}
    for part in [*s.get("allOf", []), s]:
        merged["properties"].update(spec.resolve(part).get("properties") or {})
    return merged


def _types(schema: Any) -> list[str]:
    s = spec.resolve(schema)
    kinds: list[str] = []
    for m in s.get("anyOf") or s.get("oneOf") or ():
        kinds += _types(m)
    t = s.get("type")
    kinds += t if isinstance(t, list) else [t] if t else []
    if "enum" in s and not t:
        kinds.append("string")
    return kinds


def _items(schema: Any) -> Any:
    s = spec.resolve(schema)
    if s.get("type") == "array":
        return s.get("items", {})
    for m in s.get("anyOf") or s.get("oneOf") or ():
        found = _items(m)
        if found is not None:
            return found
    return None


def coerce(schema: Any, values: list[str]) -> Any:
    """Form values (strings, repeated for arrays) as the JSON value the schema describes."""
    kinds = _types(schema)
    if "array" in kinds:
        return [_scalar(_items(schema) or {}, v) for v in values]
    if len(values) > 1:
        return values  # repeated, though not an array: the schema check reports it
    return _scalar(schema, values[0])


def _scalar(schema: Any, value: str) -> Any:
    kinds = _types(schema)
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    if "integer" in kinds and re.fullmatch(r"-?\d+", value):
        return int(value)
    if "number" in kinds:
        try:
            return float(value) if "string" not in kinds else value
        except ValueError:
            pass
    return value


def problems(op: spec.Operation, decoded: Decoded, patched_body: Any = None) -> list[str]:
    """Where the decoded request does not fit the spec (strict JSON Schema)."""
    out = list(decoded.problems)
    for index, raw in enumerate(op.op.get("parameters", [])):
        p = spec.resolve(raw)
        where = decoded.path if p["in"] == "path" else decoded.query if p["in"] == "query" else None
        if where is None:
            continue
        if p["name"] not in where:
            if p.get("required"):
                out.append(f"required {p['in']} parameter {p['name']!r} not sent")
            continue
        pointer = f"{op.pointer}/parameters/{index}"
        pointer += "/schema" if "schema" in p else f"/content/{spec.escape(next(iter(p['content'])))}/schema"
        errors = spec.strict_errors(pointer, where[p["name"]])
        if errors:
            out.append(f"{p['in']} {p['name']}={where[p['name']]!r}: {spec.describe(errors)}")
    body = op.body()
    if body is not None:
        media, _, pointer = body
        if decoded.media != media:
            out.append(f"body sent as {decoded.media!r}, the spec says {media!r}")
        value = decoded.body if patched_body is None else patched_body
        errors = spec.strict_errors(pointer, value)
        if errors:
            out.append(f"body: {spec.describe(errors)}")
    elif decoded.body is not None:
        out.append("a body was sent, the spec declares none")
    return out
