"""Nothing outlives its call: a cancel cuts the attempt's socket and its helper thread ends at once;
`Session.close()` ends the attempts in flight; 150 cancels under a 128-descriptor limit leave room."""

import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import pytest

from mistral_fn import Session, chat_complete
from mistral_fn.errors import ConnectionError
from tests.loopback import Loopback
from tests.reliability.support import API_KEY, MESSAGES


class _Holding:
    """A server that accepts and never answers nor reads: requests wait for headers, uploads stall."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=512)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            self.held.append(conn)

    def open_count(self) -> int:
        """Connections the client has not closed (a closed one reads as EOF or reset)."""
        count = 0
        for conn in self.held:
            conn.setblocking(False)
            try:
                while conn.recv(1 << 20):
                    pass
                gone = True  # EOF
            except BlockingIOError:
                gone = False
            except OSError:
                gone = True
            count += not gone
        return count

    def close(self) -> None:
        self.listener.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def holding() -> Iterator[_Holding]:
    server = _Holding()
    yield server
    server.close()


CHILD = textwrap.dedent(
    """
    import json, os, resource, sys, threading, time
    resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))
    from mistral_fn import Session, chat_complete, files_upload
    holding, healthy = sys.argv[1], sys.argv[2]
    messages = [{"role": "user", "content": "hi"}]
    data = b"x" * (4 * 2**20)
    classes = {}
    started = time.monotonic()
    with Session(api_key="sk-test-12345678", server_url=holding, timeout_ms=60_000) as session:
        for i in range(150):
            cancel = threading.Event()
            threading.Timer(0.02, cancel.set).start()
            if i % 2:
                result = chat_complete(session, model="m", messages=messages, cancel=cancel)
            else:  # cancelled while uploading to a server that does not read
                result = files_upload(session, file=("a.bin", data), cancel=cancel)
            name = type(result.error).__name__ if not result.ok else "Ok"
            classes[name] = classes.get(name, 0) + 1
        cancels = time.monotonic() - started
        waited = time.monotonic()
        while any(t.name == "mistral-fn-attempt" for t in threading.enumerate()) and time.monotonic() - waited < 5:
            time.sleep(0.02)
        helpers_gone = time.monotonic() - waited
        helpers_left = sum(t.name == "mistral-fn-attempt" for t in threading.enumerate())
        fds = len(os.listdir("/proc/self/fd"))
        ok = chat_complete(session, model="m", messages=messages, server_url=healthy)
    print(json.dumps({
        "classes": classes, "cancels_s": cancels, "helpers_gone_s": helpers_gone, "helpers_left": helpers_left,
        "fds": fds, "healthy": ok.ok, "healthy_error": None if ok.ok else repr(ok.error),
    }))
    """
)


def test_150_cancels_under_128_descriptors_then_a_healthy_call(holding: _Holding, server: Loopback) -> None:
    """150 calls cancelled while waiting for headers or uploading, in a child limited to 128 descriptors:
    each RequestAbortedError, every helper thread gone at once, and the next call is Ok."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, holding.url, server.url], capture_output=True, text=True, timeout=150
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["classes"] == {"RequestAbortedError": 150}, report
    assert report["helpers_left"] == 0 and report["helpers_gone_s"] < 1.0, report
    assert report["healthy"] is True, report
    assert report["fds"] < 40, report
    print(
        f"\n150 cancels under RLIMIT_NOFILE=128: {report['cancels_s']:.1f} s, helpers gone in"
        f" {report['helpers_gone_s']:.2f} s, {report['fds']} descriptors open after, then Ok"
    )


def test_cancel_closes_the_socket_at_once(holding: _Holding) -> None:
    """The server sees the cancelled call's connection closed within a second, not at timeout_ms."""
    with Session(api_key=API_KEY, server_url=holding.url, timeout_ms=60_000) as session:
        cancel = threading.Event()
        threading.Timer(0.2, cancel.set).start()
        result = chat_complete(session, model="m", messages=MESSAGES, cancel=cancel)
        assert not result.ok
        deadline = time.monotonic() + 1.0
        while holding.open_count() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert holding.open_count() == 0


def test_session_close_ends_the_calls_in_flight(holding: _Holding) -> None:
    """Session.close() from another thread: a call waiting for headers ends at once, its socket closed."""
    session = Session(api_key=API_KEY, server_url=holding.url, timeout_ms=60_000)
    results: list[object] = []
    caller = threading.Thread(target=lambda: results.append(chat_complete(session, model="m", messages=MESSAGES)))
    caller.start()
    time.sleep(0.3)
    started = time.monotonic()
    session.close()
    caller.join(5)
    assert not caller.is_alive() and time.monotonic() - started < 1.0
    assert len(results) == 1 and type(results[0].error) is ConnectionError  # type: ignore[attr-defined]
    assert holding.open_count() == 0
