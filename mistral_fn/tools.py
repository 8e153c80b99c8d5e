"""`tool(fn)` and `run_tools`: typed Python functions offered to the model, and the loop that runs them.

    def weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, float]:
        '''Current temperature in a city.

        Args:
            city: the city's name, in English.
        '''

    run = run_tools(session, model="mistral-small-latest", messages=[...], tools=[weather]).unwrap()
    run.response.choices[0].message.content, run.calls

The parameters' JSON Schema comes from the signature through `json_schema`'s compiler (attrs
classes allowed), descriptions from the docstring (Google or NumPy style). The loop is
synchronous and runs in the caller's thread; a tool that raises, arguments that do not fit, or a
tool the model invented are told to the model as that call's result, and recorded.
"""

import inspect
import json
import re
import time
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from . import errors
from ._keywords import unknown_keywords
from ._runtime import convert
from ._structure import StructureError, structure, unstructure
from .models.chat_completion_response import ChatCompletionResponse
from .models.function import Function
from .models.tool import Tool
from .result import Err, Ok, Result
from .schema import SchemaCompiler, UnsupportedTypeError
from .session import Session
from .types import UNSET

RunToolsError: TypeAlias = errors.ToolRoundsExceededError | errors.CommonError | errors.HTTPValidationError
"""What `run_tools` can return in `Err`."""


@attrs.frozen
class ToolCallRecord:
    """One tool call the model asked for: what it sent, what came back, how long it took.

    `arguments` is the decoded JSON (or the raw text when it was not JSON); exactly one of `result`
    and `error` is set, `error` being what was told to the model instead of a result.
    """

    id: str | None
    name: str
    arguments: Any
    result: Any = None
    error: BaseException | None = None
    seconds: float = 0.0
    round: int = 1


@attrs.frozen
class ToolRun:
    """A finished (or, inside `ToolRoundsExceededError`, stopped) tool loop.

    `response` is the last completion (the final answer when it finished), `messages` the whole
    conversation as sent plus the last answer, `calls` every tool call in order.
    """

    response: ChatCompletionResponse | None
    messages: list[Any]
    calls: list[ToolCallRecord]


# -- tool(fn) -------------------------------------------------------------------------------------


def tool(fn: Callable[..., Any]) -> Tool:
    """The spec `Tool` describing `fn`; raises `UnsupportedTypeError` naming a parameter it cannot describe."""
    return _describe(fn).spec


@attrs.frozen
class _Described:
    fn: Callable[..., Any]
    spec: Tool
    params: dict[str, inspect.Parameter]
    hints: dict[str, Any]


def _describe(fn: Callable[..., Any]) -> _Described:
    name = getattr(fn, "__name__", None)
    if not isinstance(name, str) or not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", name):
        raise UnsupportedTypeError(f"{fn!r}: a tool needs a name of letters, digits, _ and - (at most 64)")
    try:
        hints = typing.get_type_hints(fn, include_extras=True)
    except Exception as e:
        raise UnsupportedTypeError(f"{name}: its annotations do not resolve ({e})") from e
    summary, described = parse_docstring(inspect.getdoc(fn) or "")
    compiler = SchemaCompiler()
    properties: dict[str, Any] = {}
    required: list[str] = []
    params: dict[str, inspect.Parameter] = {}
    for param in inspect.signature(fn).parameters.values():
        where = f"{name}({param.name})"
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            raise UnsupportedTypeError(f"{where}: *args and **kwargs cannot be described to the model")
        if param.name not in hints:
            raise UnsupportedTypeError(f"{where}: the parameter has no annotation")
        prop = compiler.type_schema(hints[param.name], where)
        if param.name in described:
            prop = {**prop, "description": described[param.name]}
        properties[param.name] = prop
        params[param.name] = param
        if param.default is inspect.Parameter.empty:
            required.append(param.name)
    parameters: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if compiler.defs:
        parameters["$defs"] = compiler.defs
    function = Function(name=name, description=summary or UNSET, parameters=parameters)
    return _Described(fn, Tool(type="function", function=function), params, hints)


_SECTION = re.compile(r"^(Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments):?\s*$")
_SPHINX_FIELD = re.compile(r"^:param\s+(?:[^:]*\s)?(\w+):\s*(.*)$")
_OTHER_SECTION = re.compile(
    r"^(Returns|Return|Yields|Raises|Examples?|Notes?|See Also|Attributes|Warnings?|References|Todo):?\s*$"
)


def parse_docstring(doc: str) -> tuple[str, dict[str, str]]:
    """The description (text before the first section) and the parameters' descriptions.

    Google style (`Args:` then `name (type): text`, continued on more indented lines), NumPy
    style (`Parameters`, a line of dashes, then `name : type` with the text indented below), and
    Sphinx fields (`:param name: text`).
    """
    lines = doc.splitlines()
    summary: list[str] = []
    params: dict[str, str] = {}
    in_summary = True
    field: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        sphinx = _SPHINX_FIELD.match(stripped)
        if sphinx is not None or stripped.startswith(":"):
            in_summary = False
            field = None  # another field (`:returns:`...): its text is not a parameter's
            if sphinx is not None:
                field = sphinx.group(1)
                params[field] = sphinx.group(2).strip()
            i += 1
            continue
        if field is not None and stripped:  # a Sphinx field's text goes on over the next lines
            params[field] = f"{params[field]} {stripped}".strip()
            i += 1
            continue
        field = None
        numpy_header = i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}
        if _SECTION.match(stripped) or _OTHER_SECTION.match(stripped):
            in_params = bool(_SECTION.match(stripped))
            in_summary = False
            i += 2 if numpy_header else 1
            i = _read_section(lines, i, params if in_params else {}, numpy_header)
            continue
        if in_summary:
            summary.append(line)
        i += 1
    return "\n".join(summary).strip(), params


def _read_section(lines: list[str], i: int, params: dict[str, str], numpy: bool) -> int:
    base: int | None = None
    current: str | None = None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        indent = len(line) - len(line.lstrip())
        if base is None:
            base = indent
        if indent < base or (indent == base and (_SECTION.match(stripped) or _OTHER_SECTION.match(stripped))):
            if numpy and indent == base and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
                return i
            if indent < base or not numpy:
                return i
        if indent == base:
            if numpy:
                current = stripped.split(":", 1)[0].strip()
                params[current] = ""
            else:
                match = re.match(r"^\*{0,2}(\w+)\s*(\([^)]*\))?\s*:\s*(.*)$", stripped)
                if match is None:
                    return i
                current = match.group(1)
                params[current] = match.group(3).strip()
        elif current is not None:
            params[current] = f"{params[current]} {stripped}".strip()
        i += 1
    return i


# -- run_tools ------------------------------------------------------------------------------------


def run_tools(
    session: Session,
    *,
    messages: Sequence[Mapping[str, Any] | Any],
    tools: Sequence[Callable[..., Any]],
    model: str | None = None,
    agent_id: str | None = None,
    max_rounds: int = 8,
    deadline_ms: int | None = None,
    **kwargs: Any,
) -> Result[ToolRun, RunToolsError]:
    """Call the model with `tools`, run the calls it asks for, and repeat until it answers without any.

    `model=` uses `chat_complete`, `agent_id=` uses `agents_complete`; other keywords go to it.
    `deadline_ms` (and the session's `time_left`) bound the whole loop, time in tools included: no
    model call starts once it is spent (a tool already running is not interrupted).
    """
    try:
        return _run_tools(session, messages, tools, model, agent_id, max_rounds, deadline_ms, kwargs)
    except Exception as e:  # noqa: BLE001 - a bug of ours must still come back as a value (a tool's is caught apart)
        return Err(errors.UnexpectedClientError(f"run_tools: unexpected {type(e).__name__}: {e}", cause=e))


def _run_tools(
    session: Session,
    messages: Sequence[Any],
    tools: Sequence[Callable[..., Any]],
    model: str | None,
    agent_id: str | None,
    max_rounds: int,
    deadline_ms: int | None,
    kwargs: dict[str, Any],
) -> Result[ToolRun, RunToolsError]:
    if (model is None) == (agent_id is None):
        return Err(errors.InvalidRequestError("run_tools: give exactly one of model= and agent_id="))
    if "tools" in kwargs or "stream" in kwargs:
        return Err(errors.InvalidRequestError("run_tools: unexpected keyword (tools are given as functions)"))
    if max_rounds < 1:
        return Err(errors.InvalidRequestError(f"max_rounds: at least 1, not {max_rounds}"))
    try:
        described_list = [_describe(fn) for fn in tools]
    except UnsupportedTypeError as e:
        return Err(errors.InvalidRequestError(f"tools: {e}", cause=e))
    described = {d.spec.function.name: d for d in described_list}
    if len(described) < len(described_list):
        names = sorted(d.spec.function.name for d in described_list)
        return Err(errors.InvalidRequestError(f"tools: two tools share a name (the names are {names})"))
    complete = _completer(session, model, agent_id, [d.spec for d in described.values()], kwargs)
    if isinstance(complete, errors.InvalidRequestError):
        return Err(complete)
    started = time.monotonic()
    history: list[Any] = list(messages)
    calls: list[ToolCallRecord] = []
    response: ChatCompletionResponse | None = None
    for round_ in range(1, max_rounds + 1):
        left: int | None = None
        if deadline_ms is not None:
            left = int(deadline_ms - (time.monotonic() - started) * 1000)
            if left <= 0:
                spent = (time.monotonic() - started) * 1000
                return Err(errors.RequestTimeoutError(f"deadline_ms={deadline_ms} ran out after {spent:.0f} ms"))
        called = complete(history, left)
        if isinstance(called, Err):
            return called
        response = called.value
        message = response.choices[0].message if response.choices else None
        asked = list(getattr(message, "tool_calls", None) or [])
        if message is not None:
            history.append(convert.to_json(message))
        if not asked:
            return Ok(ToolRun(response, history, calls))
        if round_ == max_rounds:
            break  # the calls of a round whose results no one would read are not run
        for call in asked:
            record = _run_call(call, described, round_)
            calls.append(record)
            history.append(_tool_message(call, record))
    run = ToolRun(response, history, calls)
    return Err(errors.ToolRoundsExceededError(f"the model still asked for tools after {max_rounds} rounds", run=run))


def _completer(
    session: Session, model: str | None, agent_id: str | None, specs: list[Tool], kwargs: dict[str, Any]
) -> Callable[[list[Any], int | None], Result[Any, Any]] | errors.InvalidRequestError:
    if agent_id is not None:
        from .funcs.agents_complete import agents_complete

        refused = unknown_keywords(agents_complete, kwargs, "run_tools")
        if refused is not None:
            return refused
        return lambda history, left: agents_complete(
            session, agent_id=agent_id, messages=history, tools=specs, deadline_ms=left, **kwargs
        )
    from .funcs.chat_complete import chat_complete

    assert model is not None
    refused = unknown_keywords(chat_complete, kwargs, "run_tools")
    if refused is not None:
        return refused
    return lambda history, left: chat_complete(
        session, model=model, messages=history, tools=specs, deadline_ms=left, **kwargs
    )


def _run_call(call: Any, described: dict[str, _Described], round_: int) -> ToolCallRecord:
    name = call.function.name
    call_id = call.id if isinstance(call.id, str) else None
    raw = call.function.arguments
    arguments: Any = raw
    target = described.get(name)
    started = time.monotonic()
    try:
        if isinstance(raw, str):
            try:
                arguments = json.loads(raw) if raw.strip() else {}
            except ValueError as e:
                raise _BadArguments(f"the arguments are not JSON: {e}") from e
        if target is None:
            raise _BadArguments(f"there is no tool named {name!r}; the tools are {sorted(described)}")
        kwargs = _bind(target, arguments)
        result = target.fn(**kwargs)
    except Exception as e:  # noqa: BLE001 - whatever a tool raises is told to the model, not raised
        return ToolCallRecord(call_id, name, arguments, error=e, seconds=time.monotonic() - started, round=round_)
    return ToolCallRecord(call_id, name, arguments, result=result, seconds=time.monotonic() - started, round=round_)


class _BadArguments(Exception):
    """The model's call cannot be made: unknown tool, arguments not JSON or not fitting the parameters."""


def _bind(target: _Described, arguments: Any) -> dict[str, Any]:
    if not isinstance(arguments, dict):
        raise _BadArguments("the arguments must be a JSON object")
    unknown = sorted(set(arguments) - set(target.params))
    if unknown:
        raise _BadArguments(f"unknown argument(s) {unknown}")
    kwargs: dict[str, Any] = {}
    problems: list[str] = []
    for name, param in target.params.items():
        if name not in arguments:
            if param.default is inspect.Parameter.empty:
                problems.append(f"required argument missing @ $.{name}")
            continue
        try:
            kwargs[name] = structure(arguments[name], target.hints[name])
        except StructureError as e:
            problems += [p.replace(" @ $", f" @ $.{name}", 1) for p in e.problems]
    if problems:
        raise _BadArguments("the arguments do not fit: " + "; ".join(problems))
    return kwargs


def _tool_message(call: Any, record: ToolCallRecord) -> dict[str, Any]:
    if record.error is not None:
        prefix = "" if isinstance(record.error, _BadArguments) else f"{type(record.error).__name__}: "
        content = f"error: {prefix}{record.error}"
    elif isinstance(record.result, str):
        content = record.result
    else:
        try:
            content = json.dumps(unstructure(record.result), default=str)
        except (TypeError, ValueError):
            content = str(record.result)
    message: dict[str, Any] = {"role": "tool", "name": record.name, "content": content}
    if record.id is not None:
        message["tool_call_id"] = record.id
    return message


__all__ = ["RunToolsError", "Tool", "ToolCallRecord", "ToolRun", "parse_docstring", "run_tools", "tool"]
