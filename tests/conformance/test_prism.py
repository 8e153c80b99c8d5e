"""Every non-streaming operation, called through its generated function against Prism.

For each operation and argument set (`args.py`): Prism finds nothing wrong with the request;
the static response (the spec's example, or one Prism derives from the schema) reads as `Ok`,
an example reading back whole, unless the example cannot be read as its schema under docs/API.md's
lenient rules (then exactly `Err(ResponseValidationError)`); random schema-valid responses
(`Prefer: dynamic=true`, unknown extra properties included) read as `Ok`, at least
`DYNAMIC_PER_OPERATION` of them per operation; and where the operation declares a 422, Prism's
422 bodies read as `Err(HTTPValidationError)`.

The spec's 15 response examples, 9 of which do not fit their schema under plain JSON Schema:
spec.py decides which of those the client must refuse (`lenient_errors`); see test_examples
for the list and the reasons.
"""

import importlib
import inspect
import json
import math
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.convert import to_json
from mistral_fn.errors import HTTPClientError, HTTPValidationError, MistralError, ResponseValidationError
from mistral_fn.models import ValidationError
from tests.not_run import skip_module_without_spec

from . import args, spec
from .conftest import patch_body

skip_module_without_spec()
DYNAMIC_PER_OPERATION = int(os.environ.get("CONFORMANCE_DYNAMIC", "20"))
"""Random responses each operation must read as `Ok` (spread over its argument sets)."""

OPERATIONS = [op for op in spec.operations() if not op.streaming]
"""Streaming variants share their path with the plain operation, whose body pins `stream` to
false, and Prism cannot stream SSE: they are replayed in test_streams.py instead."""

KNOWN_BUGS: dict[tuple[str, str, str], str] = {}
"""(operation, argument set, `static`/`dynamic`) -> the client bug that case shows; strict xfail."""


def _cases(kind: str) -> list[Any]:
    out = []
    for op in OPERATIONS:
        sets = args.argument_sets(op)
        for a in sets:
            reason = KNOWN_BUGS.get((op.python_name, a.name, kind))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(op, a, len(sets), id=f"{op.python_name}-{a.name}", marks=marks))
    return out


def _function(op: spec.Operation) -> Callable[..., Any]:
    module = importlib.import_module(f"mistral_fn.funcs.{op.python_name}")
    fn: Callable[..., Any] = getattr(module, op.python_name)
    return fn


def _call(session: Session, op: spec.Operation, a: args.ArgSet, prefer: str | None) -> Any:
    fn = _function(op)
    unknown = set(a.kwargs) - set(inspect.signature(fn).parameters)
    assert not unknown, f"{op.python_name} has no keyword(s) {sorted(unknown)} that the spec defines"
    headers = {"Prefer": prefer} if prefer else None
    return fn(session, **a.for_prism(), http_headers=headers)


def _headers(result: Any) -> Mapping[str, str]:
    if isinstance(result, Ok):
        return result.meta.headers if result.meta is not None else {}
    if isinstance(result.error, MistralError):
        return result.error.headers
    return {}


def request_violations(result: Any) -> list[dict[str, Any]]:
    """What Prism found wrong with the request: its `sl-violations` header, or the `validation`
    list of the 422 body it makes up where the operation declares no 422."""
    found: list[dict[str, Any]] = []
    header = _headers(result).get("sl-violations")
    if header:
        found += decode_violations(header)
    if isinstance(result, Err) and isinstance(result.error, MistralError) and result.error.status_code == 422:
        try:
            found += json.loads(result.error.body).get("validation", [])
        except (ValueError, AttributeError):
            pass
    return [v for v in found if (v.get("location") or [""])[0] != "response"]


_VIOLATION = re.compile(
    r'\{"location":(\[[^\]]*\]),"severity":"(\w+)","code":("[^"]*"),"message":("(?:[^"\\]|\\.)*")\}'
)


def decode_violations(header: str) -> list[dict[str, Any]]:
    """The `sl-violations` header's list. Past some length Prism sends `Too many violations! [...`,
    cut short: then each whole entry is read on its own."""
    try:
        found: list[dict[str, Any]] = json.loads(header)
        return found
    except ValueError:
        return [
            {"location": json.loads(loc), "severity": sev, "code": json.loads(code), "message": json.loads(msg)}
            for loc, sev, code, msg in _VIOLATION.findall(header)
        ]


def _describe(op: spec.Operation, a: args.ArgSet, result: Any, note: str = "") -> str:
    lines = [
        f"{op.python_name} ({op.method} {op.path}), argument set {a.name!r}",
        f"  arguments: {json.dumps(args.wire(a.plain), ensure_ascii=False)[:4000]}",
    ]
    violations = request_violations(result)
    if violations:
        lines.append("  Prism's request violations:")
        lines += [f"    {'.'.join(map(str, v.get('location', [])))}: {v.get('message')}" for v in violations]
    lines.append(f"  result: {result!r}"[:2000])
    if isinstance(result, Err):
        error = result.error
        if isinstance(error, ResponseValidationError):
            lines.append(f"  {error.pretty()}"[:4000])
        elif isinstance(error, MistralError):
            lines.append(f"  body: {error.body[:2000]}")
        elif isinstance(error, HTTPClientError) and error.cause is not None:
            lines.append(f"  cause: {error.cause!r}")
    if note:
        lines.append(f"  {note}")
    return "\n".join(lines)


def _consume(result: Any) -> None:
    """Read a download to its end, so the connection goes back to the pool."""
    if isinstance(result, Ok) and hasattr(result.value, "read") and hasattr(result.value, "iter_bytes"):
        result.value.read()


def _expected_static(op: spec.Operation) -> tuple[str | None, list[str]]:
    """(example name or None, problems that make the client's reading fail) for the static response."""
    examples = op.examples()
    if not examples:
        return None, []
    name, value, pointer = examples[0]
    return name, [spec.describe(spec.lenient_errors(pointer, value))] if spec.lenient_errors(pointer, value) else []


@pytest.mark.parametrize(("op", "a", "n_sets"), _cases("static"))
def test_static_response(prism: Session, op: spec.Operation, a: args.ArgSet, n_sets: int) -> None:
    """The request fits the spec; the static response reads as Ok, or as ResponseValidationError
    exactly where the spec's example does not fit its own schema."""
    problems = args.check(op, a, patch_body)
    assert not problems, f"the test's own arguments do not fit the spec: {problems}"
    example, unreadable = _expected_static(op)
    result = _call(prism, op, a, f"example={example}" if example else None)
    _consume(result)
    assert not request_violations(result), _describe(op, a, result)
    if unreadable:
        assert isinstance(result, Err) and isinstance(result.error, ResponseValidationError), _describe(
            op, a, result, f"expected ResponseValidationError: example {example!r} does not fit: {unreadable[0]}"
        )
    else:
        assert isinstance(result, Ok), _describe(op, a, result)
        if example is not None:  # read back, the spec's example is whole: unknown keys kept, nothing lost
            value = result.value if isinstance(result.value, dict) else to_json(result.value)
            assert value == op.examples()[0][1], _describe(op, a, result, "the example does not read back whole")


@pytest.mark.parametrize(("op", "a", "n_sets"), _cases("dynamic"))
def test_dynamic_responses(prism: Session, op: spec.Operation, a: args.ArgSet, n_sets: int) -> None:
    """Random schema-valid responses (with unknown extra properties) all read as Ok."""
    wanted = math.ceil(DYNAMIC_PER_OPERATION / n_sets)
    ok = 0
    prism_invalid: list[str] = []
    for _ in range(wanted * 2):
        result = _call(prism, op, a, "dynamic=true")
        _consume(result)
        assert not request_violations(result), _describe(op, a, result)
        if isinstance(result, Ok):
            ok += 1
        else:
            # Prism's faker now and then makes a body outside the schema; only such a body may fail.
            invalid = _prism_invalid_body(op, result)
            assert invalid, _describe(op, a, result, "the body fits the spec, yet the client did not read it")
            prism_invalid.append(invalid)
        if ok == wanted:
            break
    assert ok == wanted, f"{op.python_name}: only {ok} of {wanted} dynamic responses were valid: {prism_invalid}"


def _prism_invalid_body(op: spec.Operation, result: Any) -> str:
    """Why the response body does not fit the spec even leniently ('' if it does)."""
    error = result.error
    if not isinstance(error, ResponseValidationError) or error.raw_value is None:
        return ""
    for status, _, _, pointer in op.success():
        if status == error.status_code and pointer is not None:
            return spec.describe(spec.lenient_errors(pointer, error.raw_value))
    return ""


def test_cut_short_violations_header_is_still_read() -> None:
    """Prism's `Too many violations! [...` header, cut mid-entry, still yields its whole entries."""
    header = (
        'Too many violations! [{"location":["response","body","id"],"severity":"Error","code":"type",'
        '"message":"must be \\"string\\""},{"location":["request","query","page"],"severity":"Error",'
        '"code":"type","message":"must be integer"},{"location":["resp'
    )
    found = decode_violations(header)
    assert [v["location"][0] for v in found] == ["response", "request"]
    assert found[0]["message"] == 'must be "string"'


ERROR_OPERATIONS = [op for op in OPERATIONS if "422" in op.op["responses"]]


@pytest.mark.parametrize("op", ERROR_OPERATIONS, ids=[op.python_name for op in ERROR_OPERATIONS])
def test_declared_422_reads_as_http_validation_error(prism: Session, op: spec.Operation) -> None:
    """The spec's 422 bodies (Prism's static one and random ones) give Err(HTTPValidationError)
    whose `detail` holds the body's items as ValidationError models."""
    a = args.build(op, "required")
    assert a is not None
    for prefer in ["code=422"] + ["code=422, dynamic=true"] * 4:
        result = _call(prism, op, a, prefer)
        where = _describe(op, a, result, f"Prefer: {prefer}")
        assert isinstance(result, Err) and isinstance(result.error, HTTPValidationError), where
        assert result.error.status_code == 422, where
        detail = json.loads(result.error.body).get("detail")
        if isinstance(detail, list):
            assert len(result.error.detail) == len(detail), where
            assert all(isinstance(d, ValidationError) for d in result.error.detail), where
