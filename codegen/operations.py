"""Operations: one plan per row of operations.tsv, the keywords, the `Operation(...)` table and
the docstring of its function, and the models of request bodies the spec leaves unnamed."""

import builtins
import json
import re
from dataclasses import dataclass, field
from typing import Any

from . import naming
from .models import Local, ModelModule, Typer
from .quirks import description_args, description_without_args, stream_event_model, wire_path
from .spec import OperationRow, Spec, flatten_properties, ref_name
from .typetree import NONE, Alias, ListOf, Lit, Named, Prim, Scope, T, Tagged, UnionOf, literal

BUILTINS = frozenset(dir(builtins))

PER_CALL_OPTIONS: tuple[tuple[str, str], ...] = (
    ("retries", "RetryConfig | None"),
    ("timeout_ms", "int | None"),
    ("server_url", "str | None"),
    ("http_headers", "Mapping[str, str] | None"),
    ("cancel", "threading.Event | None"),
    ("deadline_ms", "int | None"),
)
"""The options every operation accepts after its own keywords, in `Call` order; each defaults to None."""

EVERY_OPERATION_IMPORTS = (
    ("..session", "Session"),
    ("..session", "RetryConfig"),
    ("collections.abc", "Mapping"),  # http_headers
    ("threading", ""),  # cancel
    (".._runtime.invoke", "Call"),
    (".._runtime.invoke", "Operation"),
    (".._runtime.invoke", "invoke"),
    ("..result", "Result"),
)
"""What every operation module imports: the per-call options' types and the runtime it calls."""

GROUPS = (
    "agents",
    "audio.transcriptions",
    "batch.jobs",
    "beta.agents",
    "beta.conversations",
    "beta.libraries.accesses",
    "beta.libraries.documents",
    "beta.libraries",
    "chat",
    "classifiers",
    "embeddings",
    "files",
    "fim",
    "fine_tuning.jobs",
    "models",
    "ocr",
)
"""The namespaces of the official SDKs (`client.beta.libraries.documents.upload`)."""


@dataclass(frozen=True)
class Keyword:
    name: str
    annotation: str
    required: bool
    where: str
    """`path`, `query` or `body`."""
    doc: str | None
    default: str | None = None
    """`UNSET` for an optional keyword (its annotation then ends in `| Unset`), None if required."""
    comment: str = ""
    """A trailing comment: `# noqa: A002` where the spec's name shadows a builtin (`input`, `id`)."""


@dataclass(frozen=True)
class OperationPlan:
    name: str
    seed_name: str
    group: str
    summary: str
    module_doc: str
    docstring: str
    method: str
    path: str
    operation_id: str
    imports: tuple[str, ...]
    aliases: tuple[Alias, ...]
    error_alias: str
    error_value: str
    operation_args: tuple[tuple[str, str], ...]
    """`Operation(...)` keyword -> Python source, in print order."""
    keywords: tuple[Keyword, ...]
    path_args: tuple[tuple[str, str], ...]
    query_args: tuple[tuple[str, str], ...]
    body_args: tuple[tuple[str, str], ...]
    """Wire name -> Python source of the value (a keyword, or a constant the wire always carries)."""
    has_body: bool
    return_annotation: str
    creates: bool
    streaming: bool
    response_type: str
    """What `Ok` holds, as printed in FUNCTIONS.md."""
    pages: "Paging | None" = None
    """How the operation pages, for list operations with `page` and `page_size` query parameters."""
    required_examples: tuple[tuple[str, Any], ...] = ()
    """Required keyword -> the spec's example value for it, where the spec gives one."""
    example: str = ""
    """The usage example shown in FUNCTIONS.md."""


class Operations:
    """Plans each row of operations.tsv; also yields the models for anonymous request bodies."""

    def __init__(self, spec: Spec, typer: Typer) -> None:
        self.spec = spec
        self.typer = typer
        self.body_models: list[ModelModule] = []

    def spec_operation(self, row: OperationRow) -> tuple[str, dict[str, Any]]:
        for path, item in self.spec.doc["paths"].items():
            for method, op in item.items():
                if isinstance(op, dict) and op.get("operationId") == row.operation_id:
                    if method.upper() != row.method or wire_path(path) != row.path:
                        raise ValueError(f"{row.python_name}: operations.tsv and the spec disagree on {path}")
                    return path, op
        raise ValueError(f"{row.python_name}: operationId {row.operation_id} is not in the spec")

    def plan(self, row: OperationRow) -> OperationPlan:
        """The plan of one operation, in steps: parameters, body, keyword order, responses, errors,
        then the `Operation(...)` table they make."""
        spec_path, op = self.spec_operation(row)
        title = naming.operation_title(row.python_name)
        scope = Scope("funcs", row.python_name, title=title)
        local = Local(row.python_name)

        params = self.parameters(op, scope, local, title)
        body = self.request_body(row, op, scope, title)
        keywords = ordered_keywords(row, params.keywords + (body.keywords if body else []))
        for module, name in EVERY_OPERATION_IMPORTS:
            scope.need(module, name)
        responses = self.responses(row, op, scope, local, title, body.schema if body else None)
        error_value, validates = error_types(row, op, scope)
        creates = creates_resource(self.spec, row, spec_path, op)
        pages = paging(self.spec, row, op)
        if pages is not None:
            scope.need(".._runtime.invoke", "Pages")
        args = operation_args(row, params, body, responses, validates, creates, pages)

        aliases = tuple(Alias(n, scope.annotation(v)) for n, v in local.aliases.items()) + tuple(scope.aliases)
        summary = row.summary
        return OperationPlan(
            name=row.python_name,
            seed_name=row.seed_name,
            group=group_of(row.python_name),
            summary=summary,
            module_doc=f"{summary.rstrip('.')}: {row.method} {row.path}.",
            docstring=operation_docstring(op, summary, keywords),
            method=row.method,
            path=row.path,
            operation_id=row.operation_id,
            imports=scope.import_lines(),
            aliases=aliases,
            error_alias=f"{title}Error",
            error_value=error_value,
            operation_args=args,
            keywords=tuple(keywords),
            path_args=params.path_args,
            query_args=params.query_args,
            body_args=body.args if body else (),
            has_body=body is not None,
            return_annotation=f"Result[{responses.value_type}, {title}Error]",
            creates=creates,
            pages=pages,
            streaming=row.streaming,
            response_type=responses.value_type,
        )

    def parameters(self, op: dict[str, Any], scope: Scope, local: Local, title: str) -> "_Parameters":
        """Path and query parameters: keywords, and the types `Operation.params` checks them against."""
        out = _Parameters()
        described = description_args(op.get("description", ""))
        for p in op.get("parameters", []):
            p = self.spec.resolve(p)
            schema = p.get("schema")
            if schema is None:
                (media, content), *_ = p["content"].items()
                schema = content["schema"]
                if media == "application/json":
                    out.json_query.append(p["name"])
            t = self.typer.type_of(schema, local, title, p["name"], False)
            required = bool(p.get("required"))
            out.types.append((p["name"], scope.annotation(param_check_type(t)) + ("" if required else " | Unset")))
            doc = p.get("description") or schema.get("description") or described.get(p["name"])
            out.keywords.append(self.keyword(scope, p["name"], t, required, p["in"], with_default(doc, schema)))
            wire = (p["name"], p["name"])
            if p["in"] == "path":
                out.path_args += (wire,)
            else:
                out.query_args += (wire,)
        return out

    def request_body(self, row: OperationRow, op: dict[str, Any], scope: Scope, title: str) -> "_Body | None":
        """The request body: its model, its keywords, its uploads and the constants it always carries."""
        request = op.get("requestBody")
        if request is None:
            return None
        typer = self.typer
        (media, content), *_ = request["content"].items()
        multipart = media == "multipart/form-data"
        schema = content["schema"]
        if "$ref" in schema:
            named = typer.named(ref_name(schema["$ref"]))
            body_schema = self.spec.resolve(schema)
            props = typer.properties(named.name)
            required_props = typer.required(named.name)
        else:
            module = self.anonymous_body(f"{title}Body", schema, multipart, row)
            named = Named(f"{title}Body", module.module, "model", True)
            body_schema = schema
            props = flatten_properties(self.spec, schema)
            required_props = [r for r in schema.get("required", []) if r in props]
        body = _Body(scope.name(named), body_schema)
        fixed = wire_constants(row, props)
        for prop, s in props.items():
            if prop in fixed:
                body.args += ((prop, fixed[prop]),)
                continue
            t = typer.type_of(s, Local(named.module), named.name, prop, multipart)
            if t == Prim("FileInput") or (isinstance(t, UnionOf) and Prim("FileInput") in t.members):
                body.files.append(prop)
            tag = isinstance(t, Lit) and (named.name, prop) in typer.tag_props
            required = prop in required_props and not tag
            doc = with_default(s.get("description"), s)
            body.keywords.append(self.keyword(scope, prop, t, required, "body", doc))
            body.args += ((prop, prop),)
        return body

    def responses(
        self,
        row: OperationRow,
        op: dict[str, Any],
        scope: Scope,
        local: Local,
        title: str,
        body_schema: dict[str, Any] | None,
    ) -> "_Responses":
        """The success responses: what `Ok` holds, by status, and how a stream reads and ends."""
        typer = self.typer
        out = _Responses()
        responses = op.get("responses", {})
        for status in sorted(responses, key=str):
            code = int(status)
            if not 200 <= code < 300:
                continue
            content = responses[status].get("content") or {}
            if row.streaming:
                scope.need(".._runtime.streams", "EventStream")
                out.events = scope.name(typer.named(stream_event_model(row, content)))
                out.ok.append((code, "EventStream"))
                out.value_type = f"EventStream[{out.events}]"
                out.accept = "text/event-stream"
                out.end = stream_end_marker(body_schema, self.spec)
                collect = stream_collect_model(row, content, responses)
                out.collect = scope.name(typer.named(collect)) if collect else None
                continue
            if not content:
                out.ok.append((code, "None"))
                out.value_type = "None"
                continue
            if "application/octet-stream" in content:
                scope.need(".._runtime.streams", "BinaryResponse")
                out.ok.append((code, "BinaryResponse"))
                out.value_type = "BinaryResponse"
                out.accept = "application/octet-stream"
                continue
            schema = content["application/json"]["schema"]
            t = typer.type_of(schema, local, title, "response", False, top=True)
            if isinstance(t, (Tagged, UnionOf)) or (isinstance(t, ListOf) and isinstance(t.item, (Tagged, UnionOf))):
                alias_name = f"{title}Response"
                if alias_name not in local.aliases:
                    local.aliases[alias_name] = t
                text = alias_name
            else:
                text = scope.annotation(t)
            out.ok.append((code, text))
            if out.value_type not in ("", text):
                raise ValueError(f"{row.python_name}: success responses of different types")
            out.value_type = text
        if not out.value_type:
            raise ValueError(f"{row.python_name}: no success response")
        return out

    def keyword(self, scope: Scope, name: str, t: T, required: bool, where: str, doc: str | None) -> Keyword:
        annotation = scope.keyword(t)
        # The keyword is the spec's name (docs/API.md), even where it shadows a builtin.
        comment = "# noqa: A002" if name in BUILTINS else ""
        tail = "," if required else " | Unset = UNSET,"
        if comment and len(f"    {name}: {annotation}{tail}  {comment}") > 120:
            # `ruff format` would split the annotation and carry the comment off the name's line.
            alias = naming.member_name(scope.title, name)
            scope.aliases.append(Alias(alias, annotation))
            annotation = alias
        if required:
            return Keyword(name, annotation, True, where, doc, None, comment)
        scope.need("..types", "UNSET")
        scope.need("..types", "Unset")
        return Keyword(name, annotation + " | Unset", False, where, doc, "UNSET", comment)

    def anonymous_body(self, name: str, schema: dict[str, Any], multipart: bool, row: OperationRow) -> ModelModule:
        doc = f"The request body of `{row.python_name}` ({row.method} {row.path}), which the spec leaves unnamed."
        module = self.typer.body_module(name, schema, multipart, doc)
        self.body_models.append(module)
        return module


@dataclass
class _Parameters:
    keywords: list[Keyword] = field(default_factory=list)
    types: list[tuple[str, str]] = field(default_factory=list)
    """Parameter -> the type its value is checked against (`Operation.params`)."""
    json_query: list[str] = field(default_factory=list)
    path_args: tuple[tuple[str, str], ...] = ()
    query_args: tuple[tuple[str, str], ...] = ()


@dataclass
class _Body:
    type: str
    """The model the body's keywords are checked against, as printed."""
    schema: dict[str, Any]
    keywords: list[Keyword] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    args: tuple[tuple[str, str], ...] = ()


@dataclass
class _Responses:
    ok: list[tuple[int, str]] = field(default_factory=list)
    value_type: str = ""
    """What `Ok` holds, as printed."""
    accept: str = "application/json"
    events: str | None = None
    """The model of one event, as printed, for a stream."""
    end: str | None = None
    collect: str | None = None


def ordered_keywords(row: OperationRow, keywords: list[Keyword]) -> list[Keyword]:
    """Required first, then optional, each in spec order (parameters, then body properties).

    A keyword must not take the name of another or of a per-call option: the generator stops, so
    that a person decides (the spec's own `dry_run` of `fine_tuning_jobs_create` is why the dry run
    is `prepare()`, not an option).
    """
    ordered = sorted(keywords, key=lambda k: not k.required)
    names = [k.name for k in ordered]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"{row.python_name}: keywords {duplicates} appear twice (path/query/body clash)")
    options = sorted(set(names) & {name for name, _ in PER_CALL_OPTIONS})
    if options:
        raise ValueError(f"{row.python_name}: keywords {options} take the name of a per-call option")
    return ordered


def error_types(row: OperationRow, op: dict[str, Any], scope: Scope) -> tuple[str, bool]:
    """The error union of the operation (printed), and whether the spec declares a 422 for it."""
    responses = op.get("responses", {})
    errors = sorted(int(s) for s in responses if s.isdigit() and int(s) >= 400)
    if any(c != 422 for c in errors):
        raise ValueError(f"{row.python_name}: error responses other than 422: {errors}")
    scope.need("..errors", "CommonError")
    if 422 in errors:
        scope.need("..errors", "HTTPValidationError")
        return "HTTPValidationError | CommonError", True
    return "CommonError", False


def operation_args(
    row: OperationRow,
    params: _Parameters,
    body: _Body | None,
    responses: _Responses,
    validates: bool,
    creates: bool,
    pages: "Paging | None",
) -> tuple[tuple[str, str], ...]:
    """The `Operation(...)` keywords of the module, as Python source, in print order."""
    args: list[tuple[str, str]] = [
        ("operation_id", literal(row.operation_id)),
        ("method", literal(row.method)),
        ("path", literal(row.path)),
    ]
    if body is not None:
        args.append(("body", body.type))
    args.append(("ok", "{" + ", ".join(f"{c}: {t}" for c, t in responses.ok) + "}"))
    if validates:
        args.append(("errors", "{422: HTTPValidationError}"))
    if body is not None and body.files:
        args.append(("files", f"frozenset({{{', '.join(literal(f) for f in body.files)}}})"))
    if params.types:
        args.append(("params", "{" + ", ".join(f"{literal(n)}: {t}" for n, t in params.types) + "}"))
    if params.json_query:
        args.append(("json_query", f"frozenset({{{', '.join(literal(q) for q in params.json_query)}}})"))
    if responses.accept != "application/json":
        args.append(("accept", literal(responses.accept)))
    if responses.events:
        args.append(("events", responses.events))
    if responses.end:
        args.append(("end_marker", literal(responses.end)))
    if responses.collect:
        args.append(("collect_into", responses.collect))
    if creates:
        args.append(("creates", "True"))
    if pages is not None:
        args.append(("pages", pages.source()))
    return tuple(args)


def param_check_type(t: T) -> T:
    """The type a path or query parameter is checked against: its type without `None`.

    The encoder leaves a `None` query parameter out before checking it (docs/API.md: "a `None`
    query parameter is simply not sent"), so `null` never needs to pass the check; and checking
    `datetime | None` as a union would not accept a `datetime` instance in the converter.
    """
    if isinstance(t, UnionOf) and NONE in t.members:
        rest = tuple(m for m in t.members if m != NONE)
        return rest[0] if len(rest) == 1 else UnionOf(rest)
    return t


def wire_constants(row: OperationRow, props: dict[str, Any]) -> dict[str, str]:
    """Values the wire always carries: `stream` is False in `chat_complete`, True in `chat_stream`.

    Each pair of operations shares a body schema (or has one per variant with `stream` pinned by
    an enum/const); the function decides the value, so it is not a keyword.
    """
    if "stream" not in props:
        return {}
    return {"stream": "True" if row.streaming else "False"}


def stream_end_marker(body_schema: dict[str, Any] | None, spec: Spec) -> str | None:
    """`[DONE]` where the spec says the stream ends with `data: [DONE]` (chat, fim, agents).

    Only the completion request schemas say so, in the description of their `stream` property;
    the conversation and transcription streams end when the response ends.
    """
    if body_schema is None:
        return None
    props = flatten_properties(spec, body_schema)
    text = (props.get("stream") or {}).get("description", "")
    return "[DONE]" if "data: [DONE]" in text else None


def stream_collect_model(row: OperationRow, content: dict[str, Any], responses: dict[str, Any]) -> str | None:
    """The response a completion stream accumulates into: the JSON variant's 200 schema.

    Chat and fim declare both variants under one operation; `agents_stream` only declares the
    JSON one (`ChatCompletionResponse`). Conversation and transcription streams have no `collect()`.
    """
    json_content = (responses.get("200", {}).get("content") or {}).get("application/json")
    if json_content and "$ref" in json_content["schema"]:
        name = ref_name(json_content["schema"]["$ref"])
        if name.endswith("CompletionResponse"):
            return name
    return None


def creates_resource(spec: Spec, row: OperationRow, spec_path: str, op: dict[str, Any]) -> bool:
    """Whether the operation makes a new resource, so that it must not be retried blindly.

    The rule: a POST or PUT that sends an entity (it has a request body) to a collection, that is
    a path the spec also lists with GET and that does not end in a path parameter. Completions,
    embeddings, classifiers, OCR and transcriptions post to paths with no GET (they compute, not
    create); `beta_conversations_append` posts to `/v1/conversations/{conversation_id}`, a single
    resource; the alias PUT of `beta_agents_create_version_alias` sends no entity, only query
    parameters that point an alias at a version.
    """
    if row.method not in ("POST", "PUT") or "requestBody" not in op:
        return False
    path = wire_path(spec_path)
    if path.rstrip("/").endswith("}"):
        return False
    item = spec.doc["paths"].get(path, {})
    return "get" in item


@dataclass(frozen=True)
class Paging:
    """How a list operation pages; printed as the runtime's `Pages(...)`."""

    items: str | None
    """The response property holding one page's items; None where the response is the list itself."""
    total: str | None
    """Dotted path of the response property counting the items of all pages, where there is one."""
    page_size: int | None
    """The spec's default `page_size`: what the server uses when it is left out."""

    def source(self) -> str:
        args = [f"{name}={literal(value)}" for name, value in vars(self).items() if value is not None]
        return f"Pages({', '.join(args)})"


def paging(spec: Spec, row: OperationRow, op: dict[str, Any]) -> Paging | None:
    """A list operation pages when it takes `page` and `page_size` query parameters.

    Pages count from 0 (the spec's default `page` everywhere). The items are the one array
    property of the 200 response (or the response itself, where it is an array: `beta_agents_list`);
    the total is its `total` property, or `total_items` of a nested object (`ListDocumentOut.pagination`).
    A paging operation whose response does not fit stops the generator, so a person decides.
    """
    query = {p["name"]: p for p in map(spec.resolve, op.get("parameters", [])) if p["in"] == "query"}
    if "page" not in query or "page_size" not in query:
        return None
    if query["page"].get("schema", {}).get("default", 0) != 0:
        raise ValueError(f"{row.python_name}: pages that do not count from 0")
    page_size = query["page_size"].get("schema", {}).get("default")
    schema = spec.resolve(op["responses"]["200"]["content"]["application/json"]["schema"])
    if schema.get("type") == "array":
        return Paging(None, None, page_size)
    props = {name: spec.resolve(s) for name, s in flatten_properties(spec, schema).items()}
    arrays = [name for name, s in props.items() if s.get("type") == "array"]
    if len(arrays) != 1:
        raise ValueError(f"{row.python_name}: pages, but its response has array properties {arrays}")
    total = "total" if "total" in props else None
    for name, s in props.items():
        if total is None and "total_items" in flatten_properties(spec, s):
            total = f"{name}.total_items"
    return Paging(arrays[0], total, page_size)


def group_of(python_name: str) -> str:
    """The SDK namespace an operation belongs to, from its name: `beta_libraries_documents_upload`
    -> `beta.libraries.documents` (longest matching prefix)."""
    for group in sorted(GROUPS, key=len, reverse=True):
        if python_name.startswith(group.replace(".", "_") + "_"):
            return group
    return python_name.split("_", 1)[0]  # an operation the SDKs do not have yet: its first word


def with_default(doc: str | None, schema: dict[str, Any]) -> str | None:
    """The description, plus `Default: ...` where the spec gives one (never a Python default)."""
    default = _schema_default(schema)
    if default is None:
        return doc
    text = (doc or "").strip()
    if text and not text.endswith((".", "!", "?", ")")):
        text += "."
    return f"{text} Default: {default}.".strip()


def _schema_default(schema: dict[str, Any]) -> str | None:
    if "default" not in schema:
        return None
    value = schema["default"]
    if value is None:
        return None  # `default: null` is the absence the keyword's UNSET already means
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return repr(value)
    return json.dumps(value, ensure_ascii=False).replace("true", "True").replace("false", "False")


def operation_docstring(op: dict[str, Any], summary: str, keywords: list[Keyword]) -> str:
    lines = [summary if summary.endswith((".", "?", "!", ")")) else summary + "."]
    description = description_without_args(op.get("description", "") or "")
    if description and _norm(description) != _norm(summary):
        lines += ["", description]
    described = [k for k in keywords if k.doc]
    if described:
        lines += ["", "Args:"]
        for k in described:
            first, *rest = (k.doc or "").strip().splitlines()
            lines.append(f"    {k.name}: {first}")
            lines += [f"        {line}" if line.strip() else "" for line in rest]
    return "\n".join(lines)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
