"""examples/lambda/powertools_handler.py: mistral_fn with AWS Lambda Powertools' Logger and Tracer.

Run in this process against a loopback server, with the `LambdaContext` of AWS's runtime interface
client (the object Lambda itself passes) and the tracer disabled, as it is without an X-Ray daemon.
"""

import importlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from awslambdaric.lambda_context import LambdaContext

from tests.fixtures import chat_reply
from tests.loopback import Loopback

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "sk-powertools-test-0123456789"
CHAT_RESPONSE = chat_reply("Claude Monet.")


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


@pytest.fixture
def example(server: Loopback, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """The example module, imported fresh (its Session reads the environment at import)."""
    monkeypatch.setenv("MISTRAL_SERVER_URL", server.url)
    monkeypatch.setenv("MISTRAL_API_KEY", API_KEY)
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "chat")
    monkeypatch.syspath_prepend(str(ROOT / "examples" / "lambda"))
    sys.modules.pop("powertools_handler", None)
    module = importlib.import_module("powertools_handler")
    try:
        yield module
    finally:
        module.session.close()
        sys.modules.pop("powertools_handler", None)


def context(remaining_ms: int) -> LambdaContext:
    deadline = int(time.time() * 1000) + remaining_ms
    return LambdaContext("req-powertools-1", None, None, deadline, "arn:aws:lambda:eu-west-1:0:function:chat")


def log_lines(example: ModuleType, caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """The log lines the function wrote, as Powertools formats them (JSON, one object a line)."""
    formatter = example.logger.registered_formatter
    return [json.loads(formatter.format(record)) for record in caplog.records if record.name == "chat"]


def test_answers_and_logs_with_the_lambda_request_id(
    example: ModuleType, server: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    server.reply(200, CHAT_RESPONSE, headers={"x-request-id": "mistral-req-42"})
    answer = example.handler({"prompt": "Who is the best French painter?"}, context(20_000))
    assert answer == {"answer": "Claude Monet."}
    (request,) = server.requests
    assert request.json()["messages"] == [{"role": "user", "content": "Who is the best French painter?"}]
    lines = log_lines(example, caplog)
    (answered,) = [line for line in lines if line["message"] == "answered"]
    assert answered["function_request_id"] == "req-powertools-1"
    assert answered["mistral_request_id"] == "mistral-req-42"
    assert (answered["prompt_tokens"], answered["completion_tokens"]) == (7, 3)
    assert API_KEY not in json.dumps(lines)


def test_failed_attempts_are_logged_without_the_key(
    example: ModuleType, server: Loopback, caplog: pytest.LogCaptureFixture
) -> None:
    server.reply(500, {"message": f"upstream echo of {API_KEY}"})
    assert example.handler({"prompt": "hi"}, context(20_000)) == {"error": "the model service failed"}
    lines = log_lines(example, caplog)
    assert [line["message"] for line in lines] == ["mistral attempt failed", "model service failed"]
    assert all(line["function_request_id"] == "req-powertools-1" for line in lines)
    assert API_KEY not in json.dumps(lines)


def test_the_invocation_deadline_bounds_the_call(example: ModuleType, server: Loopback) -> None:
    """With 800 ms left and a server that never answers, the handler answers in time, having sent once."""
    server.reply_fn(lambda request, conn: time.sleep(3))
    started = time.monotonic()
    answer = example.handler({"prompt": "hi"}, context(800))
    assert answer == {"error": "the model service did not answer in time"}
    assert time.monotonic() - started < 0.8
    assert len(server.requests) == 1
