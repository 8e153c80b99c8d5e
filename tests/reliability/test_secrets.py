"""The API key never leaks: not in logs (every logger at DEBUG), reprs, messages, bodies or raised errors.

The server in these tests echoes the key back wherever it can (error bodies, 422 details, fields of
a 200, stream error frames, malformed events), as a misbehaving proxy or a debugging backend might.
TLS verification is on by default: a self-signed server gets ConnectionError and never the key.
"""

import http.client
import io
import json
import logging
import shutil
import socket
import ssl
import subprocess
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from mistral_fn import (
    Err,
    Ok,
    Session,
    beta_conversations_start_stream,
    beta_libraries_get,
    chat_complete,
    chat_stream,
    embeddings_create,
    files_download,
    prepare,
)
from mistral_fn.errors import ConnectionError, HTTPValidationError, ResponseValidationError
from tests.loopback import Loopback, read_request, send_response
from tests.reliability.support import API_KEY, CHAT_REPLY, FAST, MESSAGES, reply_sse

MODEL = "mistral-small-latest"


def _texts_of_error(error: BaseException) -> list[str]:
    """Everything a user may print of an error: str, repr, the traceback of raising it, pretty(), body."""
    texts = [str(error), repr(error)]
    try:
        Err(error).unwrap()
    except BaseException as raised:  # noqa: BLE001 - the point is to format whatever unwrap raises
        texts.append("".join(traceback.format_exception(raised)))
    for attribute in ("message", "body"):
        texts.append(str(getattr(error, attribute, "")))
    if isinstance(error, ResponseValidationError):
        texts += [error.pretty(), str(error.cause), repr(error.cause)]
    response = getattr(error, "raw_response", None)
    if response is not None:
        texts.append(repr(response))
    return texts


def _texts_of_result(result: Any) -> list[str]:
    texts = [repr(result), str(result)]
    if isinstance(result, Ok):
        texts += [repr(result.value), repr(result.meta)]
    else:
        texts += _texts_of_error(result.error)
    return texts


def _scenario(server: Loopback, session: Session) -> list[str]:
    """Calls down every path that carries server text into our values; returns every text they produce."""
    texts: list[str] = [repr(session), str(session)]
    echo = {"message": f"invalid key {API_KEY}", "detail": f"Bearer {API_KEY}"}
    server.reply(200, CHAT_REPLY, headers={"x-request-id": "req-1"})
    texts += _texts_of_result(chat_complete(session, model=MODEL, messages=MESSAGES))
    server.reply(401, echo)
    texts += _texts_of_result(chat_complete(session, model=MODEL, messages=MESSAGES))
    server.reply(503, echo)
    server.reply(503, echo)
    texts += _texts_of_result(chat_complete(session, model=MODEL, messages=MESSAGES, retries=FAST))
    server.reply(502, f"<html><body>upstream said: Authorization: Bearer {API_KEY}</body></html>")
    texts += _texts_of_result(embeddings_create(session, model="mistral-embed", input="x"))
    detail = [{"loc": ["header", "authorization"], "msg": f"bad token {API_KEY}", "type": "x", "input": API_KEY}]
    server.reply(422, {"detail": detail})
    result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and type(result.error) is HTTPValidationError
    texts += _texts_of_result(result)
    server.reply(200, {"id": "lib", "created_at": API_KEY, "name": API_KEY})
    result = beta_libraries_get(session, library_id="lib")
    assert isinstance(result, Err) and type(result.error) is ResponseValidationError
    texts += _texts_of_result(result)
    server.reply(200, f'{{"id": "{API_KEY}", "choices": [', headers={"Content-Type": "application/json"})
    texts += _texts_of_result(chat_complete(session, model=MODEL, messages=MESSAGES))
    for frame in (f'event: error\ndata: {{"message": "{API_KEY}"}}\n\n', f"data: {{{API_KEY}\n\n"):
        reply_sse(server, [frame])
        opened = chat_stream(session, model=MODEL, messages=MESSAGES)
        assert isinstance(opened, Ok)
        texts.append(repr(opened.value))
        with opened.value as stream:
            for item in stream.results():
                texts += _texts_of_result(item)
    started = {"type": "conversation.response.started", "conversation_id": "c", "created_at": API_KEY}
    reply_sse(server, [f"event: conversation.response.started\ndata: {json.dumps(started)}\n\n"])
    opened = beta_conversations_start_stream(session, inputs="hi")
    assert isinstance(opened, Ok)
    with opened.value as stream:
        items = list(stream.results())
    assert isinstance(items[-1], Err) and type(items[-1].error) is ResponseValidationError
    texts += [text for item in items for text in _texts_of_result(item)]
    server.reply(200, b"file bytes")
    download = files_download(session, file_id="f")
    assert isinstance(download, Ok)
    texts += _texts_of_result(download)
    download.value.close()
    texts += _texts_of_result(prepare(chat_complete, session, model=MODEL, messages=MESSAGES))
    with Loopback() as gone:
        dead = gone.url
    texts += _texts_of_result(chat_complete(session, model=MODEL, messages=MESSAGES, server_url=dead))
    return texts


@pytest.fixture
def all_loggers_at_debug(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[logging.LogRecord]]:
    """MISTRAL_DEBUG=true and every logger (root, urllib3, mistral_fn) at DEBUG, records kept."""
    monkeypatch.setenv("MISTRAL_DEBUG", "true")
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(logging.DEBUG)
    root = logging.getLogger()
    names = ["", "urllib3", "urllib3.connectionpool", "requests", "mistral_fn"]
    levels = {name: logging.getLogger(name).level for name in names}
    root.addHandler(handler)
    for name in names:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield records
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


KEY_SOURCES: dict[str, Callable[[pytest.MonkeyPatch], Any]] = {
    "string": lambda mp: API_KEY,
    "callable": lambda mp: lambda: API_KEY,
    "environment": lambda mp: mp.setenv("MISTRAL_API_KEY", API_KEY),  # returns None: read from the env
}


@pytest.mark.parametrize("source", sorted(KEY_SOURCES))
def test_key_is_in_no_log_line_repr_message_or_body(
    source: str,
    server: Loopback,
    all_loggers_at_debug: list[logging.LogRecord],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """With debug logging everywhere and a server echoing the key, the key appears in no text we produce."""
    monkeypatch.delenv("MISTRAL_API_KEY", raising=False)
    session = Session(api_key=KEY_SOURCES[source](monkeypatch), server_url=server.url)
    texts = _scenario(server, session)
    assert server.requests[0].header("Authorization") == f"Bearer {API_KEY}"  # the key was really sent
    lines = [record.getMessage() for record in all_loggers_at_debug]
    formatted = [logging.Formatter("%(name)s %(message)s %(args)s").format(r) for r in all_loggers_at_debug]
    printed = capfd.readouterr()
    assert any(line.startswith("-> POST") for line in lines)  # mistral_fn's own debug trace ran
    urllib3_lines = [r.getMessage() for r in all_loggers_at_debug if r.name.startswith("urllib3")]
    assert any('"POST /v1/chat/completions HTTP/1.1"' in line for line in urllib3_lines)
    assert not any("authorization" in line.lower() or "bearer" in line.lower() for line in urllib3_lines)
    assert http.client.HTTPConnection.debuglevel == 0
    for text in [*texts, *lines, *formatted, printed.out, printed.err]:
        assert API_KEY not in text, text[:300]
    assert len(texts) > 80 and len(lines) > 20
    print(f"\nsecrets ({source}): {len(texts)} texts, {len(lines)} log records ({len(urllib3_lines)} from urllib3)")


def test_key_in_a_header_that_cannot_be_sent_is_not_in_the_error(server: Loopback) -> None:
    """A key with a line break (read from a file) is refused before sending, and the error does not quote it."""
    session = Session(api_key=API_KEY + "\n", server_url=server.url)
    result = chat_complete(session, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and server.requests == []
    for text in _texts_of_result(result):
        assert API_KEY not in text, text


# -- TLS ------------------------------------------------------------------------------------------


def test_tls_verification_is_on_by_default() -> None:
    """A Session's own requests.Session verifies certificates (verify=True, the system's CA bundle)."""
    from mistral_fn._runtime.transport import for_session

    client = for_session(Session(api_key=API_KEY)).client
    assert client.verify is True
    assert client.trust_env is True


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1, signed by nobody anyone trusts."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: cannot make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    command = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    command += ["-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"]
    command += ["-addext", "subjectAltName=IP:127.0.0.1"]
    subprocess.run(
        command,
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key


class TLSServer:
    """An HTTPS server on 127.0.0.1 that answers every request it manages to read with the chat reply."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"https://127.0.0.1:{self.listener.getsockname()[1]}"
        self.requests: list[str] = []
        self.handshake_failures: list[str] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(raw,), daemon=True).start()

    def _serve(self, raw: socket.socket) -> None:
        raw.settimeout(5)
        try:
            with self.context.wrap_socket(raw, server_side=True) as conn:
                reader = conn.makefile("rb")
                while (request := read_request(reader)) is not None:
                    self.requests.append(request.header("Authorization") or "")
                    send_response(conn, 200, json.dumps(CHAT_REPLY).encode(), {"Content-Type": "application/json"})
        except (ssl.SSLError, OSError) as e:
            self.handshake_failures.append(type(e).__name__)

    def close(self) -> None:
        self.listener.close()


def test_self_signed_server_is_refused_and_never_gets_the_key(
    self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, server: Loopback
) -> None:
    """An https server with a self-signed certificate gives ConnectionError naming the certificate; no request."""
    for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.delenv(variable, raising=False)
    tls = TLSServer(*self_signed)
    try:
        session = Session(api_key=API_KEY, server_url=tls.url, timeout_ms=5000)
        result = chat_complete(session, model=MODEL, messages=MESSAGES)
        assert isinstance(result, Err) and type(result.error) is ConnectionError
        assert result.error.message.startswith("TLS error: ") and "CERTIFICATE_VERIFY_FAILED" in result.error.message
        assert isinstance(result.error.cause, requests.exceptions.SSLError)
        assert tls.requests == []  # the handshake failed: the key never went out
        trusting = requests.Session()
        trusting.verify = str(self_signed[0])
        with Session(api_key=API_KEY, server_url=tls.url, http_client=trusting) as trusted:
            ok = chat_complete(trusted, model=MODEL, messages=MESSAGES)
        assert isinstance(ok, Ok) and tls.requests == [f"Bearer {API_KEY}"]  # the same server, once trusted
    finally:
        tls.close()


def test_stream_handler_output_is_redacted(
    server: Loopback, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """The StreamHandler MISTRAL_DEBUG installs prints the trace to stderr without the key."""
    monkeypatch.setenv("MISTRAL_DEBUG", "true")
    logger = logging.getLogger("mistral_fn")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        server.reply(401, {"message": f"bad key {API_KEY}"})
        session = Session(api_key=API_KEY, server_url=server.url)
        assert isinstance(chat_complete(session, model=MODEL, messages=MESSAGES), Err)
    finally:
        logger.removeHandler(handler)
    printed = stream.getvalue() + capfd.readouterr().err
    assert "-> POST" in printed and "[REDACTED]" in printed and API_KEY not in printed
