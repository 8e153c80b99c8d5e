"""The example handler run the way Lambda's own Python runtime runs it: `awslambdaric` as the bootstrap.

The child interpreter is laid out as a Lambda execution environment: the function's code (a copy of
examples/lambda/handler.py) in a task root, the unzipped `chat_complete` layer, and the runtime
interface client in a runtime folder, and nothing else (`-I -S`: no site-packages, no checkout). The
runtime talks to `RuntimeAPI`, a loopback Runtime API that hands out events with a real
`Lambda-Runtime-Deadline-Ms`, so the handler's `deadline_ms=context.get_remaining_time_in_millis() - ...`
reads a real `LambdaContext`.
"""

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures import chat_reply
from tests.layer.conftest import ROOT, Built
from tests.layer.runtime_api import RuntimeAPI
from tests.loopback import Loopback, Recorded

API_KEY = "sk-lambda-runtime-test-0123456789"
CHAT_RESPONSE = chat_reply("Claude Monet.")

# Lays out sys.path as Lambda does (task root, layer, runtime), notes where every loaded module came
# from once the handler is imported (the runtime imports it before polling for the first event), then
# hands over to the runtime interface client's own entry point.
BOOTSTRAP = """
import json, sys
task_root, layer, runtime, report = sys.argv[1:5]
sys.path[:0] = [task_root, layer, runtime]
import awslambdaric.__main__ as ric, awslambdaric.bootstrap as bootstrap
get_handler = bootstrap._get_handler
def noting_get_handler(name):
    function = get_handler(name)
    files = {n: getattr(m, "__file__", None) for n, m in list(sys.modules.items())}
    with open(report, "w") as f:
        json.dump({"files": files, "handler": function.__module__}, f)
    return function
bootstrap._get_handler = noting_get_handler
ric.main(["awslambdaric", "handler.handler"])
"""

# What the runtime interface client needs besides the standard library: itself, its compiled client,
# and its two dependencies.
RUNTIME_MODULES = ("awslambdaric", "runtime_client", "simplejson", "snapshot_restore_py")


def copy_runtime(target: Path) -> Path:
    """The runtime interface client, copied out of this environment as Lambda keeps it in /var/runtime."""
    target.mkdir()
    for name in RUNTIME_MODULES:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None, f"{name} is not installed"
        origin = Path(spec.origin)
        if spec.submodule_search_locations:  # a package: copy its folder
            shutil.copytree(origin.parent, target / origin.parent.name)
        else:
            shutil.copy2(origin, target / origin.name)
    return target


class Function:
    """The handler running under awslambdaric in a child process, until the test ends."""

    def __init__(self, layer: Built, tmp: Path, api: RuntimeAPI, server_url: str) -> None:
        task_root = tmp / "task"
        task_root.mkdir()
        shutil.copy2(ROOT / "examples" / "lambda" / "handler.py", task_root / "handler.py")
        runtime = copy_runtime(tmp / "runtime")
        self.report_path = tmp / "report.json"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_LAMBDA_RUNTIME_API": api.address,
            "LAMBDA_TASK_ROOT": str(task_root),
            "AWS_LAMBDA_FUNCTION_NAME": "chat",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
            "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_LOG_GROUP_NAME": "/aws/lambda/chat",
            "AWS_LAMBDA_LOG_STREAM_NAME": "stream",
            "MISTRAL_API_KEY": API_KEY,
            "MISTRAL_SERVER_URL": server_url,
        }
        command = [sys.executable, "-I", "-S", "-B", "-c", BOOTSTRAP]
        command += [str(task_root), str(layer.site), str(runtime), str(self.report_path)]
        self.process = subprocess.Popen(
            command, env=env, cwd=task_root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.layer, self.task_root, self.runtime = layer.site, task_root, runtime

    def report(self) -> dict[str, Any]:
        """Where each module the function loaded came from (written when the runtime imported the handler)."""
        deadline = time.monotonic() + 30
        while not self.report_path.exists() and time.monotonic() < deadline and self.process.poll() is None:
            time.sleep(0.05)
        assert self.report_path.exists(), f"the runtime did not load the handler:\n{self.output()}"
        report: dict[str, Any] = json.loads(self.report_path.read_text())
        return report

    def output(self) -> str:
        self.stop()
        assert self.process.stdout is not None
        return self.process.stdout.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def api() -> Iterator[RuntimeAPI]:
    with RuntimeAPI() as runtime_api:
        yield runtime_api


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


@pytest.fixture
def function(chat_layer: Built, tmp_path: Path, api: RuntimeAPI, server: Loopback) -> Iterator[Function]:
    running = Function(chat_layer, tmp_path, api, server.url)
    try:
        yield running
    finally:
        running.stop()
        if running.process.stdout is not None:
            running.process.stdout.close()


def prompt_event(prompt: str) -> dict[str, Any]:
    return {"httpMethod": "POST", "body": json.dumps({"prompt": prompt}), "isBase64Encoded": False}


def test_handler_answers_under_the_runtime_interface_client(
    function: Function, api: RuntimeAPI, server: Loopback
) -> None:
    """Two invocations in one execution environment, answered through the Runtime API."""
    server.reply(200, CHAT_RESPONSE)
    server.reply(200, CHAT_RESPONSE)
    first = api.invoke(prompt_event("Who is the best French painter?"), deadline_in_ms=20_000)
    second = api.invoke(prompt_event("And the best Dutch one?"), deadline_in_ms=20_000)
    for request_id in (first, second):
        outcome = api.outcome(request_id, timeout=60)
        assert outcome.kind == "response", outcome
        assert outcome.body["statusCode"] == 200
        assert json.loads(outcome.body["body"]) == {"answer": "Claude Monet.", "model": "mistral-small-latest"}
    assert [r.json()["messages"][0]["content"] for r in server.requests] == [
        "Who is the best French painter?",
        "And the best Dutch one?",
    ]
    assert all(r.header("Authorization") == f"Bearer {API_KEY}" for r in server.requests)


def test_the_layer_is_what_runs(function: Function, api: RuntimeAPI, server: Loopback) -> None:
    """mistral_fn and its dependencies come from the layer, the handler from the task root, the
    runtime from its own folder: nothing from this checkout or this virtual environment."""
    server.reply(200, CHAT_RESPONSE)
    assert api.outcome(api.invoke(prompt_event("hi"), deadline_in_ms=20_000), timeout=60).kind == "response"
    report = function.report()
    files = {name: path for name, path in report["files"].items() if path}
    assert report["handler"] == "handler"
    assert files["handler"] == str(function.task_root / "handler.py")
    # requests is not among them: the handler's Session is made at import, but requests is loaded by the first call.
    for name in ("mistral_fn", "mistral_fn.funcs.chat_complete", "attrs", "cattrs"):
        assert files[name].startswith(str(function.layer) + os.sep), (name, files[name])
    assert files["awslambdaric"].startswith(str(function.runtime) + os.sep)
    assert not [path for path in files.values() if path.startswith(str(ROOT) + os.sep)], "loaded from the checkout"


def test_a_deadline_shorter_than_the_model_ends_the_call_in_time(
    function: Function, api: RuntimeAPI, server: Loopback
) -> None:
    """The invocation has 1.5 s left and the model takes 5 s: the handler answers 504 before Lambda's
    deadline, having sent the request once (no attempt starts that the remaining time cannot cover)."""

    def slow(_: Recorded, conn: socket.socket) -> None:
        time.sleep(5)  # the client has given up by then; the socket may be closed

    server.reply_fn(slow)
    request_id = api.invoke(prompt_event("hi"), deadline_in_ms=1_500)
    outcome = api.outcome(request_id, timeout=30)
    assert outcome.kind == "response", outcome
    assert outcome.body["statusCode"] == 504
    assert json.loads(outcome.body["body"]) == {"error": "the model service did not answer in time"}
    assert outcome.at_ms < api.deadlines[request_id], "answered after Lambda's deadline"
    assert len(server.requests) == 1
