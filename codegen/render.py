"""Print the plan: one function per kind of output file, each a template in Python clothing.

Nothing here decides anything; every name, type, import and text comes from `plan`.
`ruff format` and `ruff check --fix` run over the output afterwards (see `__main__`).
"""

from collections.abc import Iterable

from .models import ModelModule
from .operations import PER_CALL_OPTIONS, Keyword, OperationPlan
from .plan import Plan
from .text import docstring, wrap
from .typetree import Alias

MODELS = "mistral_fn/models"
FUNCS = "mistral_fn/funcs"


def render_all(plan: Plan) -> dict[str, str]:
    """Relative path -> file content, for every generated file."""
    files: dict[str, str] = {}
    for m in plan.models:
        files[f"{MODELS}/{m.module}.py"] = model_module(m)
    files[f"{MODELS}/__init__.py"] = models_index(plan)
    for op in plan.operations:
        files[f"{FUNCS}/{op.name}.py"] = operation_module(op)
    files[f"{FUNCS}/__init__.py"] = funcs_index(plan)
    files[f"{FUNCS}/_spec.py"] = spec_module(plan)
    files["FUNCTIONS.md"] = functions_md(plan)
    return files


def _aliases(aliases: Iterable[Alias]) -> str:
    out = []
    for a in aliases:
        text = f"{a.name} = {a.value}\n"
        if a.doc:
            text += docstring(a.doc, 0) + "\n"
        out.append(text)
    return "\n".join(out)


def model_module(m: ModelModule) -> str:
    head = f"{docstring(m.doc, 0)}\n\n" if m.doc else ""
    text = head + "\n".join(m.imports) + "\n\n\n" + _aliases(m.aliases)
    if m.cls is None:
        return text
    c = m.cls
    body = []
    if c.doc:
        body.append(docstring(c.doc, 4))
    if c.closed:
        body.append("_closed = True  # additionalProperties: false")
    for f in c.fields:
        line = f"{f.name}: {f.annotation}" + (f" = {f.default}" if f.default is not None else "")
        if f.doc:
            line += "\n    " + docstring(f.doc, 4)
        body.append(line)
    if not body:
        body.append("pass")
    # eq and repr come from Model: attrs compiling them for every class is a cold-start cost (types.py).
    text += "\n\n@attrs.define(kw_only=True, eq=False, repr=False)\n"
    text += "class " + c.name + "(Model):\n    " + "\n\n    ".join(body) + "\n"
    return text


def models_index(plan: Plan) -> str:
    names = sorted((name, m.module) for m in plan.models for name in m.exports)
    table = "\n".join(f"    {name!r}: {module!r}," for name, module in names)
    imports = "\n".join(f"    from .{module} import {name} as {name}" for name, module in names)
    listed = "\n".join(f"    {name!r}," for name, _ in names)
    return f'''"""The models of the spec, by schema name; each module is imported on first use (PEP 562).

    from mistral_fn.models import ChatCompletionResponse

Importing this index imports no model module.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
{imports}

_MODULES = {{
{table}
}}
"""Exported name -> the module of `mistral_fn.models` that declares it."""

__all__ = [
{listed}
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}")
    value = getattr(importlib.import_module(f"{{__name__}}.{{module}}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)
'''


def _signature(op: OperationPlan, with_session: bool = True) -> list[str]:
    lines = ["session: Session,"] if with_session else []
    lines.append("*,")
    for k in op.keywords:
        lines.append(_keyword(k))
    for name, annotation in PER_CALL_OPTIONS:
        lines.append(f"{name}: {annotation} = None,")
    return lines


def _keyword(k: Keyword, comment: bool = True) -> str:
    text = f"{k.name}: {k.annotation}" + (f" = {k.default}" if k.default is not None else "") + ","
    return f"{text}  {k.comment}" if comment and k.comment else text


def _dict(items: Iterable[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{wire!r}: {value}".replace("'", '"') for wire, value in items) + "}"


def operation_module(op: OperationPlan) -> str:
    operation = ",\n    ".join(f"{k}={v}" for k, v in op.operation_args)
    params = "\n    ".join(_signature(op))
    invoke_args = ["session", "OPERATION"]
    if op.path_args:
        invoke_args.append(f"path={_dict(op.path_args)}")
    if op.query_args:
        invoke_args.append(f"query={_dict(op.query_args)}")
    body = ""
    if op.has_body:
        body = f"    body = {_dict(op.body_args)}\n"
        invoke_args.append("body=body")
    invoke_args.append("call=call")
    aliases = _aliases(op.aliases)
    operation_doc = docstring(f"What `{op.name}` sends and expects back.", 0)
    return f"""{docstring(op.module_doc, 0)}

{chr(10).join(op.imports)}

{aliases}
{op.error_alias} = {op.error_value}

OPERATION = Operation(
    {operation},
)
{operation_doc}


def {op.name}(
    {params}
) -> {op.return_annotation}:
    {docstring(op.docstring, 4)}
{body}    call = Call({", ".join(name for name, _ in PER_CALL_OPTIONS)})
    return invoke({", ".join(invoke_args)})
"""


OPTIONS_DOC = """\
Per-call options, accepted by every operation after its own keywords:

- `retries`: a `RetryConfig` for this call, instead of the session's.
- `timeout_ms`: the timeout of each attempt in milliseconds (default: the session's, 5 minutes).
- `server_url`: send this call to another base URL.
- `http_headers`: extra request headers.
- `cancel`: a `threading.Event`; once set, the call stops with `Err(RequestAbortedError)`.
- `deadline_ms`: one budget in milliseconds for the whole call, retries and waits included.

To build the request an operation would send without sending it, hooks applied, call
`prepare(operation, session, **kwargs)`: `Ok(PreparedRequest)` or `Err(InvalidRequestError)`."""


def funcs_index(plan: Plan) -> str:
    names = [op.name for op in plan.operations]
    ordered = sorted(names)
    imports = "\n".join(f"    from .{n} import {n} as {n}" for n in ordered)
    listed = "\n".join(f"        {n!r}," for n in ordered)
    all_list = "\n".join(f"    {n!r}," for n in ordered)
    return f'''"""The operations of the Mistral AI API, one module each.

    from mistral_fn.funcs.chat_complete import chat_complete

`mistral_fn` re-exports them lazily; this index imports none of them.

{OPTIONS_DOC}
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._runtime.invoke import Operation
{imports}

OPERATIONS = frozenset(
    {{
{listed}
    }}
)
"""The name of every operation; each is the function of that name in the module of that name."""

__all__ = [
{all_list}
]


def operation_of(function: Callable[..., Any]) -> "Operation":
    """The `Operation` an operation function sends (`operation_of(files_list).pages`).

    Raises `ValueError` for a function that is not one of the operations above.
    """
    name = getattr(function, "__name__", "")
    if name not in OPERATIONS or getattr(function, "__module__", "") != f"{{__name__}}.{{name}}":
        raise ValueError(f"not an operation of mistral_fn: {{function!r}}")
    operation: Operation = importlib.import_module(f"{{__name__}}.{{name}}").OPERATION
    return operation
'''


def spec_module(plan: Plan) -> str:
    servers = ", ".join(f"{name!r}: {url!r}" for name, url in plan.servers).replace("'", '"')
    return f'''"""Facts taken from the spec that the runtime needs: its servers and the hash it was generated from."""

SERVERS = {{{servers}}}
"""Named servers; `Session(server=...)` picks one, "eu" by default."""

SPEC_SHA256 = "{plan.sha256}"
"""sha256 of the OpenAPI document the generated code was made from."""
'''


# ---------------------------------------------------------------------------------------------
# FUNCTIONS.md


def functions_md(plan: Plan) -> str:
    out = [
        "# Functions",
        "",
        "Every operation of the Mistral AI API is a standalone function: `from mistral_fn import NAME`,",
        "called with a `Session` first and keywords after it. It never raises for HTTP, network,",
        "timeout or validation problems: it returns `Ok(value)` or `Err(error)`, to check with `match`",
        "(or `.ok`, `.unwrap()`, `.map()`...). Importing one function loads its module and the models",
        "it uses, nothing else.",
        "",
        "Every example below uses a `session` made once, as here:",
        "",
        "```python",
        "from mistral_fn import Err, Ok, Session, models_list",
        "",
        "session = Session()  # the key from MISTRAL_API_KEY; or Session(api_key=...)",
        "match models_list(session):",
        "    case Ok(model_list):",
        '        print(len(model_list.data or []), "models")',
        "    case Err(error):",
        '        print("failed:", error)',
        "```",
        "",
        "Keywords are the spec's names. Nested values may be model instances or plain dicts and lists",
        "in the spec's JSON shape. A keyword left out is not sent at all (`UNSET`); `None` sends JSON",
        "`null` where the spec allows it. Defaults the spec mentions are applied by the server and",
        "shown in each docstring.",
        "",
        "## Per-call options",
        "",
        *OPTIONS_DOC.splitlines()[2:],
        "",
        "## Operations that page",
        "",
        PAGES_DOC,
        "",
        "They are: " + ", ".join(f"`{op.name}`" for op in plan.operations if op.pages is not None) + ".",
        "",
        "## Operations that create",
        "",
        "Marked *(creates)* below. " + CREATES_DOC,
        "",
        "They are: " + ", ".join(f"`{op.name}`" for op in plan.operations if op.creates) + ".",
        "",
    ]
    by_group: dict[str, list[OperationPlan]] = {}
    for op in plan.operations:
        by_group.setdefault(op.group, []).append(op)
    out += ["## Contents", ""]
    for group in sorted(by_group):
        out.append(f"- [{group}](#{group.replace('.', '')})")
    out.append("")
    for group in sorted(by_group):
        out += [f"## {group}", ""]
        for op in by_group[group]:
            out += _function_entry(op)
    return "\n".join(out).rstrip() + "\n"


CREATES_DOC = "\n".join(
    wrap(
        "These operations make something new on the server, so a retry could make it twice: they are "
        "retried only where the request cannot have taken effect (no connection made, a 429, or a 503 "
        "with `Retry-After`), unless `RetryConfig(retry_unsafe=True)`. The generator marks an operation "
        "that sends an entity (it has a request body) with POST or PUT to a collection: a path the spec "
        "also lists with GET and that does not end in a path parameter. Completions, embeddings, "
        "classifiers, OCR and transcriptions post to paths without a GET: they compute rather than "
        "create.",
        0,
    )
)


PAGES_DOC = "\n".join(
    wrap(
        "Marked *(pages)* below. These list operations take `page` (counting from 0) and `page_size` query parameters; "
        "`paginate(op, session, **kwargs)` walks their pages and yields each item. The generator marks "
        "every operation with both parameters, and records in its `OPERATION.pages` which response "
        "attribute holds the items and which one counts them all, where the response has one.",
        0,
    )
)


def _function_entry(op: OperationPlan) -> list[str]:
    mark = " *(creates)*" if op.creates else ""
    mark += " *(pages)*" if op.pages is not None else ""
    stream = " *(stream)*" if op.streaming else ""
    own = ["session: Session,", *(["*,"] if op.keywords else []), *(_keyword(k, comment=False) for k in op.keywords)]
    options = ", ".join(name for name, _ in PER_CALL_OPTIONS)
    signature = "\n    ".join([*own, f"# per-call options: {options}"])
    return [
        f"### `{op.name}`{mark}{stream}",
        "",
        f"{op.summary} `{op.method} {op.path}`",
        "",
        "```python",
        f"{op.name}(\n    {signature}\n) -> {op.return_annotation}",
        "```",
        "",
        "```python",
        op.example,
        "```",
        "",
    ]
