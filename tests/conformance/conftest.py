"""Prism, the OpenAPI mock server, started once for the conformance tests.

`scripts/install-prism` puts the pinned version in `.prism/` (scripts/test runs it). Prism
serves the spec and checks every request against it: an invalid one is answered 422 with the
problems in an `sl-violations` header (or, where the operation declares no 422, in the body's
`validation` list). `--errors` stays off: with it, Prism also turns its *response* problems
into 500s, and the spec's own examples that do not fit their schemas must reach the client.
"""

import json
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from mistral_fn import Session
from mistral_fn.session import HookContext, Hooks

from . import spec

PRISM = spec.ROOT / ".prism" / "node_modules" / ".bin" / "prism"
START_TIMEOUT_S = 60.0
API_KEY = "sk-conformance-0123456789"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """The base URL of a Prism mock of the spec on 127.0.0.1, stopped after the session."""
    if not PRISM.exists():
        pytest.fail(f"Prism is not installed ({PRISM} is missing): run scripts/install-prism", pytrace=False)
    spec_file = spec.spec_path()
    if not spec_file.is_file():
        pytest.fail(f"the OpenAPI spec is not at {spec_file}: set MISTRAL_OPENAPI_SPEC", pytrace=False)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "-v", "warn", str(spec_file)]
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            _wait_until_up(proc, url, log)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def _wait_until_up(proc: "subprocess.Popen[Any]", url: str, log: Any) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail(
                f"Prism exited with status {proc.returncode} before answering:\n{log.read()[-4000:]}", pytrace=False
            )
        try:
            requests.get(url + "/v1/models", timeout=1)  # any answer (401 without a key) means it is up
            return
        except requests.RequestException:
            time.sleep(0.2)
    log.seek(0)
    pytest.fail(f"Prism did not answer on {url} within {START_TIMEOUT_S:.0f} s:\n{log.read()[-4000:]}", pytrace=False)


def add_undeclared_level(ctx: HookContext, request: requests.PreparedRequest) -> requests.PreparedRequest:
    """Spec defect, worked around for Prism only: `SharingDelete` requires `level`, a property it
    never defines (the client rightly has no such keyword, and the server does not need it to
    delete a share), so Prism rejects every body without it. Add one before sending."""
    if ctx.operation_id == "libraries_share_delete_v1" and isinstance(request.body, bytes):
        body = json.loads(request.body)
        body.setdefault("level", "Viewer")
        request.body = json.dumps(body).encode()
        request.headers["Content-Length"] = str(len(request.body))
    return request


def patch_body(operation_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """What `add_undeclared_level` does, for the test's own check of its arguments."""
    if operation_id == "libraries_share_delete_v1":
        return {**body, "level": "Viewer"}
    return body


@pytest.fixture(scope="session")
def prism(prism_url: str) -> Iterator[Session]:
    """A Session against Prism (one keep-alive connection pool for the whole run)."""
    hooks = Hooks(before_request=[add_undeclared_level])
    with Session(api_key=API_KEY, server_url=prism_url, timeout_ms=30_000, hooks=hooks) as session:
        yield session
