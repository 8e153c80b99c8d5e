"""Every spec quirk and defect the generator works around, one named function each.

Each says in its docstring which schema or operation it is about. `QUIRKS` lists them all, and
`python -m codegen` prints that list, then the defects it met in this spec.
"""

import re
from typing import Any

from .spec import OperationRow, Spec, flatten_properties, ref_name
from .typetree import STR, T, Tagged


def drop_undefined_required(
    schema: str, required: list[str], properties: dict[str, Any]
) -> tuple[list[str], str | None]:
    """Spec defect: `required` names a property the schema never defines.

    `ChatCompletionResponse` requires `data` (no such property; the server never sends it) and
    `SharingDelete` requires `level` (not defined; the server does not need it to delete a share).
    A field cannot be typed from nothing, so the name is dropped from `required`. Returns the
    names kept, and the defect found, if any.
    """
    missing = [r for r in required if r not in properties]
    defect = f"{schema}: required {', '.join(missing)} never defined; dropped from required" if missing else None
    return [r for r in required if r in properties], defect


def binary_outside_multipart(parent: str, prop: str) -> T:
    """Spec quirk: `format: binary` in a JSON body (`AudioChunk.input_audio`) can only be a string.

    JSON has no bytes; the API takes base64 text there, so the member is typed `str`.
    """
    return STR


def nested_tagged_union_fallback(members: list[T]) -> list[T]:
    """Spec quirk: a tagged union inside an untagged one (the `fine_tuning_jobs_create` response,
    `CompletionJobOut | ClassifierJobOut` by `job_type`, or `LegacyJobMetadataOut`).

    If the inner union kept its `dict` fallback it would take every body without a `job_type`,
    and `LegacyJobMetadataOut` would never be read; so the inner union has none there.
    """
    if len(members) < 2:
        return members
    return [Tagged(m.prop, m.mapping, m.members, fallback=False) if isinstance(m, Tagged) else m for m in members]


def nullable_by_example(spec: Spec) -> tuple[set[tuple[str, str]], list[str]]:
    """Spec defect: response examples with `null` where the schema allows no null.

    The files examples (`files_upload`, `files_list`, `files_retrieve`) show `"bytes": null`,
    which `UploadFileOut`, `FileSchema` and `RetrieveFileOut` type as a plain integer; the
    examples are what the server sends, so those properties are read (and typed) as nullable.
    Returns the (schema, property) pairs, and the defects found.
    """
    found: set[tuple[str, str]] = set()

    def walk(schema: Any, value: Any, name: str | None) -> None:
        if isinstance(schema, dict) and "$ref" in schema:
            walk(spec.resolve(schema), value, ref_name(schema["$ref"]))
            return
        if not isinstance(schema, dict):
            return
        if isinstance(value, dict):
            props = flatten_properties(spec, schema)
            for key, item in value.items():
                prop = props.get(key)
                if prop is None:
                    continue
                if item is None and name is not None and not _allows_null(spec, prop):
                    found.add((name, key))
                walk(prop, item, None)
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                walk(schema["items"], item, None)

    for item in spec.doc.get("paths", {}).values():
        for op in item.values():
            for status, response in (op.get("responses") or {}).items() if isinstance(op, dict) else ():
                content = (response.get("content") or {}).get("application/json") or {}
                for example in (content.get("examples") or {}).values():
                    if status.startswith("2"):
                        walk(content["schema"], example.get("value"), None)
    defects = [
        f"{schema}.{prop}: null in the spec's response examples; typed nullable" for schema, prop in sorted(found)
    ]
    return found, defects


def _allows_null(spec: Spec, s: dict[str, Any]) -> bool:
    s = spec.resolve(s)
    kind = s.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(_allows_null(spec, v) for v in s.get("anyOf", []) + s.get("oneOf", []))


KNOWN_EXTENSIONS = {
    # ShareEnum, EntityType: every enum here is open (`Literal[...] | str`) already.
    "x-speakeasy-unknown-values": "every enum is open",
    # JsonSchema.schema: the SDKs rename it `schema_definition`; docs/API.md keeps the spec's names.
    "x-speakeasy-name-override": "the spec's property name is kept",
    # Tags: display names only.
    "x-displayName": "not used",
}


def vendor_extensions(spec: Spec) -> dict[str, int]:
    """The one place vendor `x-` extensions are read: each is counted and must have a decision.

    An extension not in `KNOWN_EXTENSIONS` stops the generator, so a new one gets looked at.
    """
    seen: dict[str, int] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and key.startswith("x-"):
                    seen[key] = seen.get(key, 0) + 1
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.doc)
    unknown = sorted(set(seen) - set(KNOWN_EXTENSIONS))
    if unknown:
        raise ValueError(f"vendor extensions without a decision in quirks.KNOWN_EXTENSIONS: {unknown}")
    return seen


def wire_path(path: str) -> str:
    """Spec quirk: streaming variants are listed under `/v1/conversations#stream`; the fragment is not sent."""
    return path.split("#", 1)[0]


def stream_event_model(row: OperationRow, content: dict[str, Any]) -> str:
    """Spec quirk: `POST /v1/agents/completions` declares no `text/event-stream` response, though
    `agents_stream` streams exactly what `chat_stream` does; its events are `CompletionEvent`.

    Returns the schema of one event of a streaming operation.
    """
    stream = content.get("text/event-stream")
    if stream is None:
        if row.python_name == "agents_stream":
            return "CompletionEvent"
        raise ValueError(f"{row.python_name}: streams, but the spec gives no event schema")
    return ref_name(stream["schema"]["$ref"])


_ARGS_BLOCK = re.compile(r"\n\s*Args:\s*\n(?P<body>(?:[ \t]+\S.*(?:\n|$))+)")


def description_args(description: str) -> dict[str, str]:
    """Spec quirk: `batch_jobs_get` documents its `inline` parameter in an `Args:` block of the
    operation description instead of on the parameter; it is moved to the parameter."""
    match = _ARGS_BLOCK.search(description)
    if not match:
        return {}
    out = {}
    for line in match.group("body").splitlines():
        name, _, text = line.strip().partition(":")
        out[name.strip()] = text.strip()
    return out


def description_without_args(description: str) -> str:
    return _ARGS_BLOCK.sub("", description).strip()


def server_names(spec: Spec) -> tuple[tuple[str, str], ...]:
    """Spec quirk: the one server has no name; the SDKs call it `eu`."""
    servers = spec.doc.get("servers", [])
    if len(servers) != 1:
        raise ValueError("expected exactly one server in the spec")
    return (("eu", servers[0]["url"]),)


QUIRKS = (
    server_names,
    wire_path,
    stream_event_model,
    description_args,
    drop_undefined_required,
    nullable_by_example,
    binary_outside_multipart,
    nested_tagged_union_fallback,
    vendor_extensions,
)
"""Every workaround above, as `python -m codegen` lists them."""


def summaries() -> list[str]:
    """`name: what it works around`, one line per quirk."""
    out = []
    for quirk in QUIRKS:
        first = (quirk.__doc__ or "").strip().split("\n\n")[0]
        text = " ".join(first.split()).removeprefix("Spec quirk: ").removeprefix("Spec defect: ")
        out.append(f"{quirk.__name__}: {text}")
    return out
