"""Faults of the network and the server, through the generated operations: each gives Ok or one precise Err.

Every test ends by making a successful call on the same Session: a failure never leaves it broken.
tests/runtime covers most of these cases with hand-made operations; here they go through the real
generated functions (chat_complete, chat_stream, embeddings_create, files_upload, files_download).
"""

import email.utils
import itertools
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from mistral_fn import (
    BackoffStrategy,
    Err,
    HookContext,
    Hooks,
    Ok,
    RetryConfig,
    Session,
    chat_complete,
    chat_stream,
    embeddings_create,
    files_download,
    files_upload,
)
from mistral_fn.errors import (
    ConnectionError,
    HTTPValidationError,
    MistralError,
    RequestTimeoutError,
    ResponseValidationError,
)
from mistral_fn.models import ChatCompletionResponse, EmbeddingResponse, UploadFileOut
from mistral_fn.testing import MockServer
from tests.loopback import Loopback, Recorded, send_response
from tests.reliability.support import (
    API_KEY,
    CHAT_REPLY,
    FAST,
    MESSAGES,
    assert_still_usable,
    reply_sse,
    reply_then_reset,
)

MODEL = "mistral-small-latest"
EMBEDDINGS = {"id": "emb-1", "object": "list", "model": "mistral-embed", "data": [], "usage": {"prompt_tokens": 1}}
UPLOADED = {"id": "file-1", "object": "file", "bytes": 5, "created_at": 1, "filename": "a.jsonl", "purpose": "batch"}


def _event(i: int) -> str:
    chunk = {
        "id": "s1",
        "model": MODEL,
        "choices": [{"index": 0, "delta": {"content": f"t{i}"}, "finish_reason": None}],
    }
    return "data: " + json.dumps(chunk) + "\n\n"


def _chat(session: Session, **options: Any) -> Any:
    return chat_complete(session, model=MODEL, messages=MESSAGES, **options)


# -- HTTP errors and retries ---------------------------------------------------------------------


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_429_retry_after_is_waited_then_ok(server: Loopback, session: Session, form: str) -> None:
    """A 429 with Retry-After (delta-seconds or an HTTP date) is retried after that wait, then Ok."""
    value = "1" if form == "seconds" else email.utils.formatdate(time.time() + 1.5, usegmt=True)
    server.reply(429, {"message": "Requests rate limit exceeded"}, headers={"Retry-After": value})
    started = time.monotonic()
    patient = RetryConfig(backoff=BackoffStrategy(initial_interval=2, max_interval=5000, max_elapsed_time=5000))
    result = _chat(session, retries=patient)
    waited = time.monotonic() - started
    assert isinstance(result, Ok) and isinstance(result.value, ChatCompletionResponse)
    assert result.meta is not None and (result.meta.status_code, result.meta.attempts) == (200, 2)
    # An HTTP date has one-second resolution: at least ~0.5 s of the 1.5 s are left when it is read.
    assert (0.98 if form == "seconds" else 0.45) <= waited < 3.0
    assert len(server.requests) == 2
    assert_still_usable(session, server)


def test_retry_after_beyond_max_elapsed_time_returns_the_429_at_once(server: Loopback, session: Session) -> None:
    """A Retry-After longer than max_elapsed_time is not waited: the 429 comes back immediately."""
    server.reply(429, {"message": "come back in an hour"}, headers={"Retry-After": "3600"})
    config = RetryConfig(backoff=BackoffStrategy(initial_interval=5, max_interval=3_600_000, max_elapsed_time=2000))
    started = time.monotonic()
    result = _chat(session, retries=config)
    assert time.monotonic() - started < 1.0
    assert isinstance(result, Err) and type(result.error) is MistralError
    assert result.error.status_code == 429 and result.error.message == (
        "429 Too Many Requests: come back in an hour"
        " (Retry-After asked for 3600 s, more than the retry policy allows: max_elapsed_time=2000 ms)"
    )
    assert result.error.retry_after == 3600
    assert result.error.headers["Retry-After"] == "3600" and len(server.requests) == 1
    assert_still_usable(session, server)


def test_503_twice_then_200_is_ok_on_the_third_attempt(server: Loopback, session: Session) -> None:
    """embeddings_create: 503, 503, 200 gives Ok after three attempts, with nothing lost from the reply."""
    server.reply(503, {"message": "busy"})
    server.reply(503, {"message": "busy"})
    server.reply(200, EMBEDDINGS)
    result = embeddings_create(session, model="mistral-embed", input=["a", "b"], retries=FAST)
    assert isinstance(result, Ok) and isinstance(result.value, EmbeddingResponse)
    assert result.value.id == "emb-1" and result.meta is not None and result.meta.attempts == 3
    assert [r.json() for r in server.requests] == [{"model": "mistral-embed", "input": ["a", "b"]}] * 3
    assert_still_usable(session, server)


def test_500_past_max_elapsed_time_gives_the_last_500(server: Loopback, session: Session) -> None:
    """500s beyond max_elapsed_time give Err(MistralError(500)) within the bound, after a bounded count."""
    for _ in range(60):
        server.reply(500, {"object": "error", "message": "Service unavailable.", "type": "internal"})
    config = RetryConfig(
        backoff=BackoffStrategy(initial_interval=20, max_interval=80, exponent=2, max_elapsed_time=300)
    )
    started = time.monotonic()
    result = _chat(session, retries=config)
    elapsed = time.monotonic() - started
    assert isinstance(result, Err) and type(result.error) is MistralError
    assert (result.error.status_code, result.error.message) == (500, "500 Internal Server Error: Service unavailable.")
    assert '"type": "internal"' in result.error.body
    # Waits are jittered in [0.5, 1] x min(20 * 2^(n-1), 80) ms: 4 to 8 waits fit in 300 ms.
    assert 4 <= len(server.requests) <= 9
    assert elapsed < 0.3 + 0.4
    assert_still_usable(session, server)


def test_400_is_not_retried(server: Loopback, session: Session) -> None:
    """embeddings_create: a 400 is returned after one attempt even with retries configured."""
    server.reply(400, {"message": "Input is too long", "type": "invalid_request_error"})
    result = embeddings_create(session, model="mistral-embed", input="x", retries=FAST)
    assert isinstance(result, Err) and type(result.error) is MistralError
    assert (result.error.status_code, result.error.message) == (400, "400 Bad Request: Input is too long")
    assert len(server.requests) == 1
    assert_still_usable(session, server)


def test_retry_count_and_waits_stay_within_the_backoff_bounds(server: Loopback, session: Session) -> None:
    """Five 503s then 200: six attempts, each wait within [0.5, 1] x its backoff ceiling (measured)."""
    for _ in range(5):
        server.reply(503, {"message": "busy"})
    server.reply(200, CHAT_REPLY)
    sent: list[tuple[int, float]] = []

    def record(ctx: HookContext, request: requests.PreparedRequest) -> None:
        sent.append((ctx.attempt, time.monotonic()))

    config = RetryConfig(backoff=BackoffStrategy(initial_interval=40, max_interval=160, exponent=2))
    hooked = Session(api_key=API_KEY, server_url=server.url, retry_config=config, hooks=Hooks(before_request=[record]))
    result = _chat(hooked)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 6
    assert [attempt for attempt, _ in sent] == [1, 2, 3, 4, 5, 6]
    gaps = [b - a for (_, a), (_, b) in itertools.pairwise(sent)]
    ceilings = [min(40 * 2**n, 160) / 1000 for n in range(5)]  # 40, 80, 160, 160, 160 ms
    for gap, ceiling in zip(gaps, ceilings, strict=True):
        assert 0.5 * ceiling <= gap <= ceiling + 0.1, (gaps, ceilings)
    assert 0.5 * sum(ceilings) <= sum(gaps) <= sum(ceilings) + 0.25
    assert_still_usable(hooked, server)


def test_stream_503_then_200_streams_every_event(server: Loopback, session: Session) -> None:
    """chat_stream: a 503 before the stream starts is retried, and the retried stream arrives whole."""
    server.reply(503, {"message": "busy"})
    reply_sse(server, [_event(i) for i in range(5)] + ["data: [DONE]\n\n"])
    result = chat_stream(session, model=MODEL, messages=MESSAGES, retries=FAST)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 2
    with result.value as stream:
        assert [e.data.choices[0].delta.content for e in stream] == [f"t{i}" for i in range(5)]
    assert_still_usable(session, server)


def test_upload_429_is_retried_with_the_whole_body_again(server: Loopback, session: Session) -> None:
    """files_upload (creates): a 429 is safe to retry, and the retry sends the same bytes again."""
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": "0"})
    server.reply(200, UPLOADED)
    result = files_upload(session, file=("a.jsonl", b'{"x": 1}\n' * 1000), purpose="batch", retries=FAST)
    assert isinstance(result, Ok) and isinstance(result.value, UploadFileOut) and result.value.id == "file-1"
    first, second = server.requests
    assert first.body == second.body and len(first.body) > 9000
    assert_still_usable(session, server)


def test_upload_500_is_not_retried(server: Loopback, session: Session) -> None:
    """files_upload (creates): a 500 may have taken effect, so it is returned, not retried."""
    server.reply(500, {"message": "boom"})
    result = files_upload(session, file=("a.jsonl", b"{}"), retries=FAST)
    assert isinstance(result, Err) and type(result.error) is MistralError and result.error.status_code == 500
    assert len(server.requests) == 1
    assert_still_usable(session, server)


def test_502_html_proxy_page_is_kept_in_the_error_body(server: Loopback, session: Session) -> None:
    """A 502 HTML page from a proxy gives MistralError(502) with the page as `body` and its text in the message."""
    page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
    page += "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    server.reply(502, page, headers={"Content-Type": "text/html"})
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is MistralError
    assert result.error.status_code == 502 and result.error.body == page
    assert result.error.message.startswith("502 Bad Gateway: <html>") and "nginx" in result.error.message
    assert result.error.headers["Content-Type"] == "text/html"
    assert result.error.raw_response is not None and result.error.raw_response.status_code == 502
    assert_still_usable(session, server)


def test_422_gives_http_validation_error_with_typed_detail(server: Loopback, session: Session) -> None:
    """A 422 in the API's shape gives HTTPValidationError whose detail items are ValidationError models."""
    detail = [{"loc": ["body", "messages", 0, "role"], "msg": "Input should be 'user'", "type": "literal_error"}]
    server.reply(422, {"detail": detail})
    result = _chat(session)
    match result:
        case Err(HTTPValidationError(detail=[item]) as error):
            assert (item.loc, item.msg, item.type) == (
                ["body", "messages", 0, "role"],
                "Input should be 'user'",
                "literal_error",
            )
            assert (
                error.status_code == 422
                and error.message == "422 Unprocessable Entity: body.messages.0.role: Input should be 'user'"
            )
        case _:
            pytest.fail(f"unexpected {result!r}")
    assert_still_usable(session, server)


# -- the connection ------------------------------------------------------------------------------


def test_connection_refused(server: Loopback, session: Session) -> None:
    """Nothing listening gives ConnectionError("could not connect: ...") without a response."""
    with Loopback() as gone:
        dead = gone.url
    result = _chat(session, server_url=dead)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert result.error.message.startswith("could not connect: ") and "refused" in result.error.message
    assert isinstance(result.error.cause, requests.exceptions.ConnectionError)
    assert_still_usable(session, server)


def test_connection_refused_is_retried_when_asked(server: Loopback, session: Session) -> None:
    """With retry_connection_errors, a refused connection is retried until max_elapsed_time, then returned."""
    with Loopback() as gone:
        dead = gone.url
    config = RetryConfig(backoff=BackoffStrategy(5, 20, 2, 150), retry_connection_errors=True)
    attempts: list[int] = []
    hooks = Hooks(after_error=[lambda ctx, response, error: attempts.append(ctx.attempt)])
    hooked = Session(api_key=API_KEY, server_url=dead, hooks=hooks)
    started = time.monotonic()
    result = _chat(hooked, retries=config)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert len(attempts) >= 3 and time.monotonic() - started < 1.0
    assert_still_usable(hooked, server)


def test_closed_before_the_response_is_connection_error(server: Loopback, session: Session) -> None:
    """The server closing (FIN) without answering gives ConnectionError("connection dropped: ...")."""
    server.reply_raw(b"")
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert result.error.message.startswith("connection dropped: ") and "RemoteDisconnected" in result.error.message
    assert_still_usable(session, server)


def test_reset_before_the_response_is_connection_error(server: Loopback, session: Session) -> None:
    """A TCP reset before any response byte gives ConnectionError naming the reset."""
    server.reply_fn(reply_then_reset(b""))
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert result.error.message.startswith("connection dropped: ")
    assert "reset" in result.error.message.lower() or "RemoteDisconnected" in result.error.message
    assert_still_usable(session, server)


def test_dropped_connection_is_retried_when_asked(server: Loopback, session: Session) -> None:
    """embeddings_create with retry_connection_errors: a dropped connection then 200 gives Ok, two attempts."""
    server.reply_raw(b"")
    server.reply(200, EMBEDDINGS)
    config = RetryConfig(backoff=FAST.backoff, retry_connection_errors=True)
    result = embeddings_create(session, model="mistral-embed", input="x", retries=config)
    assert isinstance(result, Ok) and result.meta is not None and result.meta.attempts == 2
    assert_still_usable(session, server)


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"


@pytest.mark.parametrize("end", ["fin", "reset"])
def test_cut_in_the_middle_of_a_json_body(server: Loopback, session: Session, end: str) -> None:
    """A body shorter than its Content-Length (closed or reset) gives ConnectionError, never a partial value."""
    data = HEAD + b'Content-Length: 500\r\n\r\n{"id": "cmpl-ok", "choices": [{"ind'
    if end == "fin":
        server.reply_raw(data)
    else:
        server.reply_fn(reply_then_reset(data))
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert result.error.message.startswith("connection dropped: ")
    assert_still_usable(session, server)


def test_cut_in_the_middle_of_a_chunked_json_body(server: Loopback, session: Session) -> None:
    """A chunked body closed before its last chunk gives ConnectionError."""
    server.reply_raw(HEAD + b'Transfer-Encoding: chunked\r\n\r\n10\r\n{"id": "cmpl-ok"\r\n')
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert result.error.message.startswith("connection dropped: ")
    assert_still_usable(session, server)


def test_bad_chunk_framing_is_connection_error(server: Loopback, session: Session) -> None:
    """A chunked body with a size line that is not hex gives ConnectionError."""
    server.reply_raw(HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert "connection dropped" in result.error.message
    assert_still_usable(session, server)


def test_answer_that_is_not_http_is_connection_error(server: Loopback, session: Session) -> None:
    """A peer that answers with something other than HTTP gives ConnectionError."""
    server.reply_raw(b"SSH-2.0-OpenSSH_9.6\r\n")
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert "BadStatusLine" in result.error.message
    assert_still_usable(session, server)


def test_stale_keep_alive_connection_is_not_reused(server: Loopback, session: Session) -> None:
    """A pooled connection the server closed while idle is replaced: the next call is Ok, not an error."""

    def reply_and_close_soon(_: Recorded, conn: socket.socket) -> None:
        send_response(conn, 200, json.dumps(CHAT_REPLY).encode(), {"Content-Type": "application/json"})
        time.sleep(0.05)
        raise OSError("idle close")  # Loopback closes the connection

    server.reply_fn(reply_and_close_soon)
    assert isinstance(_chat(session), Ok)
    time.sleep(0.2)
    result = _chat(session)
    assert isinstance(result, Ok) and result.value.id == "cmpl-ok"
    assert_still_usable(session, server)


def test_early_413_while_uploading_is_the_servers_answer(session: Session, server: Loopback) -> None:
    """A server that answers 413 before reading a 20 MB upload gives MistralError(413), not a broken pipe."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def early_answer() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            body = b'{"message": "File too large"}'
            conn.sendall(
                b"HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
            )
            conn.shutdown(socket.SHUT_WR)
            time.sleep(0.5)

    thread = threading.Thread(target=early_answer, daemon=True)
    thread.start()
    try:
        result = files_upload(
            session, file=("big.bin", b"x" * (20 * 1024 * 1024)), server_url=f"http://127.0.0.1:{port}"
        )
    finally:
        thread.join(5)
        listener.close()
    assert isinstance(result, Err) and type(result.error) is MistralError
    assert (result.error.status_code, result.error.message) == (413, "413 Payload Too Large: File too large")
    assert_still_usable(session, server)


# -- time --------------------------------------------------------------------------------------


def _silent(_: Recorded, conn: socket.socket) -> None:
    time.sleep(1.2)


def test_server_that_never_answers_is_a_read_timeout(server: Loopback) -> None:
    """No response within timeout_ms gives RequestTimeoutError saying how long it waited."""
    server.reply_fn(_silent)
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=250)
    started = time.monotonic()
    result = _chat(session)
    assert 0.24 <= time.monotonic() - started < 0.9
    assert isinstance(result, Err) and type(result.error) is RequestTimeoutError
    assert result.error.message == "timed out waiting for the response after 0.250 s"
    assert_still_usable(session, server)


def _trickle_body(_: Recorded, conn: socket.socket) -> None:
    conn.sendall(HEAD + b"Content-Length: 100000\r\n\r\n")
    for _ in range(40):
        conn.sendall(b" ")
        time.sleep(0.04)


def test_body_that_trickles_forever_hits_the_per_attempt_timeout(server: Loopback) -> None:
    """A body sent a byte at a time is cut at timeout_ms in total (not per byte): RequestTimeoutError."""
    server.reply_fn(_trickle_body)
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=400)
    started = time.monotonic()
    result = _chat(session)
    assert 0.39 <= time.monotonic() - started < 1.0
    assert isinstance(result, Err) and type(result.error) is RequestTimeoutError
    assert result.error.message == "timed out while reading the response body"
    assert_still_usable(session, server)


def test_server_that_stops_reading_an_upload_is_a_timeout(server: Loopback) -> None:
    """files_upload to a server that never reads the body: RequestTimeoutError after timeout_ms, not 'dropped'."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
    session = Session(api_key=API_KEY, server_url=f"http://127.0.0.1:{listener.getsockname()[1]}", timeout_ms=300)
    started = time.monotonic()
    try:
        result = files_upload(session, file=("big.bin", b"x" * (50 * 1024 * 1024)))
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
    assert time.monotonic() - started < 2.0
    assert isinstance(result, Err) and type(result.error) is RequestTimeoutError
    assert result.error.message == "timed out sending the request after 0.300 s"
    assert_still_usable(session, server)


def _trickle_head(_: Recorded, conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40:
        conn.sendall(bytes([byte]))
        time.sleep(0.04)
    raise OSError("done trickling")


def test_headers_that_trickle_forever_hit_the_per_attempt_timeout(server: Loopback) -> None:
    """A status line and headers sent a byte at a time are cut at timeout_ms in total."""
    server.reply_fn(_trickle_head)
    session = Session(api_key=API_KEY, server_url=server.url, timeout_ms=300)
    started = time.monotonic()
    result = _chat(session)
    elapsed = time.monotonic() - started
    assert isinstance(result, Err) and type(result.error) is RequestTimeoutError
    assert elapsed < 0.8


# -- what a 2XX body can be --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><body>Login to the captive portal</body></html>", "the response body is not JSON"),
        (b'{"id": "cmpl-ok", "choices": [{"index": 0, "mess', "the response body is not JSON"),
        (b'{"id": "cmpl-\xff\xfe", "choices": []}', "the response body is not JSON"),
        (
            b'{"id": 5, "choices": "none"}',
            "the response is not a ChatCompletionResponse: expected a string, got int @ $.id",
        ),
    ],
    ids=["html", "truncated-json", "invalid-utf8", "wrong-shape"],
)
def test_unreadable_2xx_body_is_response_validation_error(
    server: Loopback, session: Session, body: bytes, message: str
) -> None:
    """A 200 whose body is not the model gives ResponseValidationError with the text, status and headers."""
    server.reply(200, body, headers={"Content-Type": "application/json"})
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ResponseValidationError
    error = result.error
    assert (error.status_code, error.message) == (200, message)
    assert error.body == body.decode("utf-8", "replace") and error.headers["Content-Type"] == "application/json"
    assert error.cause is not None and message in error.pretty()
    assert_still_usable(session, server)


def _bounded(call: Any, seconds: float = 10.0) -> Any:
    """`call()` in a thread, failing the test (not hanging it) if it has not returned within `seconds`."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"the call did not return within {seconds} s"
    return box[0]


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("cancel", [None, threading.Event()], ids=["no-cancel", "cancel-given"])
def test_deeply_nested_2xx_body_is_response_validation_error(
    server: Loopback, session: Session, cancel: threading.Event | None
) -> None:
    """A 200 body nested 100,000 deep gives ResponseValidationError, promptly, with or without a cancel event."""
    server.reply(200, DEEP, headers={"Content-Type": "application/json"})
    result = _bounded(lambda: _chat(session, cancel=cancel))
    assert isinstance(result, Err) and type(result.error) is ResponseValidationError, result
    assert (result.error.status_code, result.error.message) == (200, "the response body is not JSON")
    assert len(result.error.body) == len(DEEP)
    assert_still_usable(session, server)


def test_deeply_nested_error_body_is_mistral_error(server: Loopback, session: Session) -> None:
    """A 500 whose body is nested 100,000 deep still gives MistralError(500) with the body kept."""
    server.reply(500, DEEP, headers={"Content-Type": "application/json"})
    result = _bounded(lambda: _chat(session))
    assert isinstance(result, Err) and type(result.error) is MistralError, result
    assert result.error.status_code == 500 and result.error.body == DEEP.decode()
    assert result.error.message.startswith("500 Internal Server Error: [[[")
    assert_still_usable(session, server)


def test_twenty_megabyte_body_is_read_whole(server: Loopback, session: Session) -> None:
    """A 20 MB reply is structured whole: the content is not cut at any buffer size."""
    content = "0123456789abcdef" * (20 * 1024 * 1024 // 16)
    server.reply(
        200, {**CHAT_REPLY, "choices": [{"index": 0, "message": {"content": content}, "finish_reason": "stop"}]}
    )
    result = _chat(session)
    assert isinstance(result, Ok) and result.value.choices[0].message.content == content
    assert_still_usable(session, server)


def test_corrupt_gzip_body_is_an_err(server: Loopback, session: Session) -> None:
    """A body labelled gzip that does not decompress is an Err (ConnectionError today, see RELIABILITY.md)."""
    server.reply(200, b"not gzip at all", headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    result = _chat(session)
    assert isinstance(result, Err) and type(result.error) is ConnectionError
    assert "failed to decode" in result.error.message
    assert_still_usable(session, server)


def test_download_cut_short_raises_instead_of_saving_a_short_file(
    server: Loopback, session: Session, tmp_path: object
) -> None:
    """files_download: a body shorter than its Content-Length raises ConnectionError from save()/read()."""
    server.reply_raw(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n" + b"x" * 300
    )
    result = files_download(session, file_id="file-1")
    assert isinstance(result, Ok)
    with result.value as download, pytest.raises(ConnectionError):
        download.read()
    assert_still_usable(session, server)


# -- redirects ----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [307, 308])
def test_redirect_to_another_host_does_not_carry_the_key(server: Loopback, session: Session, status: int) -> None:
    """A 307/308 to another host (or port) is followed without the Authorization header (a 301/302 of a
    POST is not followed at all: test_redirects.py)."""
    with Loopback(default=CHAT_REPLY) as other:
        elsewhere = other.url.replace("127.0.0.1", "localhost")
        server.reply(status, None, headers={"Location": f"{elsewhere}/v1/chat/completions"})
        result = _chat(session)
        assert server.requests[0].header("Authorization") == f"Bearer {API_KEY}"
        assert len(other.requests) == 1 and other.requests[0].header("Authorization") is None
        assert all(API_KEY not in value for value in other.requests[0].headers.values())
    assert isinstance(result, Ok)
    assert_still_usable(session, server)


# -- the local mock's own faults ------------------------------------------------------------------


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


def test_mock_drop_then_retry_is_ok(mock: MockServer, server: Loopback) -> None:
    """MockServer fault="drop" gives ConnectionError; with retry_connection_errors the call then succeeds."""
    mock.reset()
    session = Session(api_key=API_KEY, server_url=mock.url)
    mock.queue("chat_complete", fault="drop")
    dropped = _chat(session)
    assert isinstance(dropped, Err) and type(dropped.error) is ConnectionError
    mock.queue("chat_complete", fault="drop")
    config = RetryConfig(backoff=FAST.backoff, retry_connection_errors=True)
    retried = _chat(session, retries=config)
    assert isinstance(retried, Ok) and retried.meta is not None and retried.meta.attempts == 2
    assert len(mock.requests_for("chat_complete")) == 3
    assert_still_usable(session, server)


def test_mock_delay_past_the_timeout_is_request_timeout(mock: MockServer, server: Loopback) -> None:
    """A MockServer reply delayed past timeout_ms gives RequestTimeoutError."""
    mock.reset()
    session = Session(api_key=API_KEY, server_url=mock.url, timeout_ms=200)
    mock.queue("embeddings_create", delay=0.5)
    started = time.monotonic()
    result = embeddings_create(session, model="mistral-embed", input="x")
    assert isinstance(result, Err) and type(result.error) is RequestTimeoutError
    assert result.error.message == "timed out waiting for the response after 0.200 s"
    time.sleep(max(0.0, 0.6 - (time.monotonic() - started)))  # let the mock's late write fail inside this test
    assert_still_usable(session, server)
