"""Every operation's request, read back from the wire and checked against the spec.

This covers what Prism cannot read: arrays sent as repeated multipart fields, and the streaming
variants (whose plain twin's body pins `stream` to false). The request is read as a loopback
server received it, byte for byte.
"""

import importlib
from collections.abc import Iterator
from typing import Any

import pytest

from mistral_fn import Session
from tests.loopback import Loopback, Recorded
from tests.not_run import skip_module_without_spec

skip_module_without_spec()  # before test_prism, which reads the spec at import

from . import args, spec, wire  # noqa: E402
from .conftest import patch_body  # noqa: E402
from .test_prism import KNOWN_BUGS  # noqa: E402


def _cases() -> list[Any]:
    out = []
    for op in spec.operations():
        for a in args.argument_sets(op):
            # The same client bug as in test_prism.py, whichever way the request would go.
            reason = KNOWN_BUGS.get((op.python_name.removesuffix("_stream"), a.name, "static"))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(op, a, id=f"{op.python_name}-{a.name}", marks=marks))
    return out


def _accept(op: spec.Operation) -> str:
    if op.streaming:
        return "text/event-stream"
    media = {m for _, m, _, _ in op.success() if m is not None}
    return "application/octet-stream" if "application/octet-stream" in media else "application/json"


@pytest.fixture(scope="module")
def recorder() -> Iterator[Loopback]:
    """A loopback server that records each request (and answers 200 `{}`, which does not matter here)."""
    with Loopback() as server:
        yield server


def sent_request(server: Loopback, op: spec.Operation, a: args.ArgSet) -> Recorded:
    """Call the operation for real and give the request as the server received it.

    (Not `prepare()`: what counts is what the server received.)"""
    fn = getattr(importlib.import_module(f"mistral_fn.funcs.{op.python_name}"), op.python_name)
    session = Session(api_key="sk-wire", server_url=server.url, timeout_ms=10_000)
    before = len(server.requests)
    result = fn(session, **a.kwargs)
    if hasattr(result, "value") and hasattr(result.value, "close"):
        result.value.close()
    assert len(server.requests) == before + 1, f"{op.python_name} [{a.name}] sent nothing: {result!r}"
    return server.requests[-1]


@pytest.mark.parametrize(("op", "a"), _cases())
def test_request_on_the_wire_fits_the_spec(recorder: Loopback, op: spec.Operation, a: args.ArgSet) -> None:
    """Path, query, body (JSON or multipart) and Accept of the request all fit the spec."""
    request = sent_request(recorder, op, a)
    body = request.body or None
    target = request.target
    decoded = wire.decode(op, target, request.header("Content-Type"), body)
    patched = patch_body(op.operation_id, decoded.body) if isinstance(decoded.body, dict) else None
    problems = wire.problems(op, decoded, patched)
    if request.header("Accept") != _accept(op):
        problems.append(f"Accept is {request.header('Accept')!r}, expected {_accept(op)!r}")
    if body is not None and request.header("Content-Length") != str(len(body)):
        problems.append(f"Content-Length {request.header('Content-Length')!r} for a body of {len(body)} bytes")
    assert not problems, (
        f"{op.python_name} ({op.method} {op.path}) [{a.name}]\n  arguments: {args.wire(a.plain)}\n"
        f"  sent: {request.method} {target}\n  body: {(body or b'')[:1500]!r}\n  problems:\n    "
        + "\n    ".join(problems)
    )


def test_every_multipart_array_is_checked_here() -> None:
    """The keywords left out of the Prism calls are sent here, as repeated fields."""
    left_out = {
        (op.python_name, k) for op in spec.operations() for a in args.argument_sets(op) for k in a.not_for_prism
    }
    assert ("audio_transcriptions_complete", "context_bias") in left_out
    assert ("audio_transcriptions_complete", "timestamp_granularities") in left_out
