"""Hooks see and replace requests and responses; debug logs never show the key."""

import logging

import pytest
import requests

from mistral_fn import BackoffStrategy, Err, HookContext, Hooks, Ok, RetryConfig, Session
from mistral_fn._runtime.invoke import PREPARING, invoke
from tests.conftest import API_KEY
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY


def test_before_request_sees_and_replaces(server: Loopback) -> None:
    """before_request gets the PreparedRequest with its context and may return a replacement."""
    seen: list[HookContext] = []

    def add_header(ctx: HookContext, request: requests.PreparedRequest) -> requests.PreparedRequest:
        seen.append(ctx)
        replacement = request.copy()
        replacement.headers["X-Hooked"] = "yes"
        return replacement

    session = Session(api_key="k", server_url=server.url, hooks=Hooks(before_request=[add_header]))
    assert invoke(session, CHAT, body=CHAT_BODY).ok
    assert server.requests[0].header("X-Hooked") == "yes"
    assert seen == [HookContext(operation_id="chat", base_url=server.url, attempt=1)]


def test_after_success_may_replace_the_response(server: Loopback) -> None:
    """after_success can swap the response; the replacement is what the call returns."""
    server.reply(200, CHAT_REPLY)

    def swap(ctx: HookContext, response: requests.Response) -> requests.Response:
        response.headers["X-Seen"] = "1"
        return response

    session = Session(api_key="k", server_url=server.url, hooks=Hooks(after_success=[swap]))
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.headers["X-Seen"] == "1"


def test_after_error_is_told_of_every_failed_attempt(server: Loopback) -> None:
    """after_error runs once per failed attempt, with the response or the error."""
    server.reply(503)
    server.reply(503)
    server.reply(200, CHAT_REPLY)
    calls: list[tuple[int, int | None]] = []
    hooks = Hooks(
        after_error=[
            lambda ctx, response, error: calls.append(
                (ctx.attempt, response.status_code if response is not None else None)
            )
        ]
    )
    retry = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=5))
    session = Session(api_key="k", server_url=server.url, hooks=hooks, retry_config=retry)
    assert invoke(session, CHAT, body=CHAT_BODY).ok
    assert calls == [(1, 503), (2, 503)]


def test_preparing_sends_nothing_and_carries_the_body(server: Loopback, session: Session) -> None:
    """While `PREPARING` is set (by `prepare()`), the pipeline gives the PreparedRequest that would
    go out, and the server sees nothing."""
    token = PREPARING.set(True)
    try:
        result = invoke(session, CHAT, body=CHAT_BODY)
    finally:
        PREPARING.reset(token)
    assert isinstance(result, Ok) and isinstance(result.value, requests.PreparedRequest)
    assert result.value.body == b'{"model":"m","messages":[{"content":"hi","role":"user"}]}'
    assert API_KEY not in repr(result.value) and API_KEY not in repr(result)
    assert server.requests == []


@pytest.mark.parametrize("key_source", ["string", "callable", "env"])
def test_debug_logs_redact_the_key(
    server: Loopback,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    key_source: str,
) -> None:
    """With MISTRAL_DEBUG=true every line is logged at DEBUG, and none holds the key."""
    monkeypatch.setenv("MISTRAL_DEBUG", "true")
    api_key: object = {"string": API_KEY, "callable": lambda: API_KEY, "env": None}[key_source]
    if key_source == "env":
        monkeypatch.setenv("MISTRAL_API_KEY", API_KEY)
    # The server echoes the key back in an error: even then it must not surface.
    server.reply(401, {"message": f"bad key {API_KEY}"})
    session = Session(api_key=api_key, server_url=server.url)  # type: ignore[arg-type]
    with caplog.at_level(logging.DEBUG, logger="mistral_fn"):
        result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Err)
    lines = [r.getMessage() for r in caplog.records]
    assert any("-> POST" in line for line in lines)
    assert all(API_KEY not in line for line in lines)
    for text in (str(result.error), repr(result.error), repr(result), result.error.body, repr(session)):
        assert API_KEY not in text


def test_deprecation_header_is_logged(server: Loopback, session: Session, caplog: pytest.LogCaptureFixture) -> None:
    """x-model-deprecation-timestamp is logged as a warning, as the official SDKs do."""
    server.reply(200, CHAT_REPLY, headers={"x-model-deprecation-timestamp": "2026-12-01T00:00:00Z"})
    with caplog.at_level(logging.WARNING, logger="mistral_fn"):
        assert invoke(session, CHAT, body=CHAT_BODY).ok
    assert "2026-12-01" in caplog.text


def test_redirect_to_another_host_drops_authorization(server: Loopback) -> None:
    """A redirect to another host does not carry the Authorization header along."""
    with Loopback() as other:
        other_url = other.url.replace("127.0.0.1", "localhost")
        server.reply(307, None, headers={"Location": f"{other_url}/v1/chat/completions"})
        other.reply(200, CHAT_REPLY)
        session = Session(api_key=API_KEY, server_url=server.url)
        assert invoke(session, CHAT, body=CHAT_BODY).ok
        assert other.requests[0].header("Authorization") is None


def test_after_success_replacement_is_what_gets_decoded(server: Loopback) -> None:
    """A different Response returned by after_success is decoded into the model, with its meta."""
    import io
    import json

    from urllib3.response import HTTPResponse

    server.reply(200, CHAT_REPLY)

    def replace(ctx: HookContext, response: requests.Response) -> requests.Response:
        replacement = requests.Response()
        replacement.status_code = 200
        replacement.headers["Content-Type"] = "application/json"
        replacement.headers["x-request-id"] = "replaced"
        body = json.dumps({**CHAT_REPLY, "id": "from-hook"}).encode()
        replacement.raw = HTTPResponse(body=io.BytesIO(body), preload_content=False)
        return replacement

    session = Session(api_key="k", server_url=server.url, hooks=Hooks(after_success=[replace]))
    result = invoke(session, CHAT, body=CHAT_BODY)
    assert isinstance(result, Ok) and result.value.id == "from-hook"
    assert result.meta is not None and result.meta.request_id == "replaced"


def test_union_error_names_the_field_of_the_member_the_tags_chose(server: Loopback, session: Session) -> None:
    """In an untagged union, the member whose tag the value carries reports its own field path."""
    from mistral_fn import beta_conversations_start

    inputs = [{"type": "message.input", "role": "user", "content": "hi", "prefix": "notbool"}]
    result = beta_conversations_start(session, inputs=inputs, model="m")
    assert isinstance(result, Err) and "inputs[0].prefix" in result.error.message
    assert server.requests == []
