"""The serverless call controls through generated operations: safe retries, deadlines, dry run, collect()."""

import json
import threading
import time

import requests

from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session, chat_complete, chat_stream, files_upload
from mistral_fn.errors import MistralError, RequestAbortedError, RequestTimeoutError
from tests.fixtures import FAST, chat_reply
from tests.loopback import Loopback

MESSAGES = [{"role": "user", "content": "Hi"}]
REPLY = chat_reply("Hello")
FILE = {
    "id": "f",
    "object": "file",
    "bytes": 2,
    "created_at": 1,
    "filename": "a.jsonl",
    "purpose": "batch",
    "sample_type": "batch_request",
    "source": "upload",
}


def test_completion_is_retried_after_500(server: Loopback) -> None:
    """chat_complete computes rather than creates: a 500 is retried."""
    server.reply(500)
    server.reply(200, REPLY)
    result = chat_complete(Session(api_key="k", server_url=server.url, retry_config=FAST), model="m", messages=MESSAGES)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 2


def test_creating_operation_sends_once_after_500(server: Loopback) -> None:
    """files_upload may have created the file: after a 500 exactly one request was sent."""
    server.reply(500)
    result = files_upload(Session(api_key="k", server_url=server.url, retry_config=FAST), file=("a.jsonl", b"{}"))
    assert isinstance(result, Err) and isinstance(result.error, MistralError) and len(server.requests) == 1


def test_creating_operation_retried_after_429_or_when_unsafe_allowed(server: Loopback) -> None:
    """A 429 did nothing, so it is retried; retry_unsafe=True retries the 500 too."""
    server.reply(429, headers={"Retry-After": "0"})
    server.reply(200, FILE)
    assert files_upload(Session(api_key="k", server_url=server.url, retry_config=FAST), file=("a.jsonl", b"{}")).ok
    server.reply(500)
    server.reply(200, FILE)
    unsafe = RetryConfig(backoff=FAST.backoff, retry_unsafe=True)
    assert files_upload(Session(api_key="k", server_url=server.url, retry_config=unsafe), file=("a.jsonl", b"{}")).ok
    assert len(server.requests) == 4


def test_deadline_stops_the_call_in_time_after_a_retry(server: Loopback) -> None:
    """A deadline shorter than the retry schedule ends the call in time, with a retry inside it."""
    for _ in range(10):
        server.reply(503)
    slow = RetryConfig(backoff=BackoffStrategy(initial_interval=150, max_interval=400, max_elapsed_time=60_000))
    session = Session(api_key="k", server_url=server.url, retry_config=slow)
    started = time.monotonic()
    result = chat_complete(session, model="m", messages=MESSAGES, deadline_ms=500)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert "deadline_ms=500" in result.error.message
    assert time.monotonic() - started < 0.5 + 0.3 and len(server.requests) >= 2  # margin for a loaded machine


def test_prepare_reaches_no_server_and_carries_the_exact_body(server: Loopback) -> None:
    """prepare() gives the PreparedRequest with the exact body, and nothing is sent."""
    from mistral_fn import prepare

    session = Session(api_key="sk-dry", server_url=server.url)
    result = prepare(chat_complete, session, model="m", messages=MESSAGES, temperature=0.2)
    assert isinstance(result, Ok) and isinstance(result.value, requests.PreparedRequest)
    expected = b'{"model":"m","temperature":0.2,"stream":false,"messages":[{"content":"Hi","role":"user"}]}'
    assert result.value.body == expected
    assert result.value.url == f"{server.url}/v1/chat/completions" and "sk-dry" not in repr(result.value)
    assert server.requests == []


def test_collect_through_chat_stream(server: Loopback) -> None:
    """chat_stream(...).collect() gives a ChatCompletionResponse with the joined content."""

    def chunk(text: str, finish_reason: str | None) -> str:
        choice = {"index": 0, "delta": {"content": text}, "finish_reason": finish_reason}
        return "data: " + json.dumps({"id": "s", "model": "m", "choices": [choice]}) + "\n\n"

    server.reply_sse([chunk("Hel", None), chunk("lo", "stop"), "data: [DONE]\n\n"])
    result = chat_stream(Session(api_key="k", server_url=server.url), model="m", messages=MESSAGES)
    assert isinstance(result, Ok)
    collected = result.value.collect()
    assert isinstance(collected, Ok)
    assert type(collected.value).__name__ == "ChatCompletionResponse"
    assert (collected.value.choices[0].message.content, collected.value.choices[0].finish_reason) == ("Hello", "stop")


def test_prepare_is_a_typed_dry_run(server: Loopback) -> None:
    """prepare(operation, session, ...) gives the PreparedRequest, or InvalidRequestError, sending nothing."""
    from mistral_fn import prepare
    from mistral_fn.errors import InvalidRequestError

    session = Session(api_key="sk-prepare-0123", server_url=server.url)
    prepared = prepare(chat_complete, session, model="m", messages=MESSAGES)
    assert isinstance(prepared, Ok) and prepared.value.method == "POST"
    assert prepared.value.body == b'{"model":"m","stream":false,"messages":[{"content":"Hi","role":"user"}]}'
    refused = prepare(chat_complete, session, model="m", messages="not a list")  # type: ignore[arg-type]
    assert isinstance(refused, Err) and isinstance(refused.error, InvalidRequestError)
    # Whatever else stops a request before it goes out is an InvalidRequestError too, as the type says.
    cancelled = threading.Event()
    cancelled.set()
    stopped = prepare(chat_complete, session, model="m", messages=MESSAGES, cancel=cancelled)
    assert isinstance(stopped, Err) and type(stopped.error) is InvalidRequestError
    assert isinstance(stopped.error.cause, RequestAbortedError)
    assert server.requests == []
