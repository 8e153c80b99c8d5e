"""Every read has a ceiling: `Session(max_response_bytes=...)` (64 MiB by default), counted on decoded
bytes, for a JSON body and for each event of a stream; passing it ends the call in `Err` naming it.

The fault suite saw a 2 GB reply come back `Ok` at 7.5 GB peak RSS and a 10.5 MB gzip bomb inflate
past 8 GB. The two are measured here in a child process whose address space is capped (RLIMIT_AS).
"""

import gzip
import json
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from mistral_fn import Err, Ok, Session, chat_complete, chat_stream
from mistral_fn.errors import MistralError, ResponseValidationError
from tests.loopback import Loopback, Recorded
from tests.reliability.support import MESSAGES, assert_still_usable

MODEL = "mistral-small-latest"
MIB = 2**20
# One gzip member inflating to 16 MiB of zeros (16 KB); members back to back are one valid gzip body.
MEMBER = gzip.compress(b"\0" * (16 * MIB), compresslevel=9)


def _streamed(status: int, size: int, headers: str = "", piece: bytes = b"0" * MIB) -> "object":
    """A handler answering `status` with a body of `size` bytes sent piece by piece until the client leaves."""

    def handler(_: Recorded, conn: socket.socket) -> None:
        head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n{headers}\r\n"
        conn.sendall(head.encode())
        sent = 0
        while sent < size:
            part = piece[: size - sent]
            conn.sendall(part)
            sent += len(part)
        raise OSError("done")

    return handler


def _bomb(members: int, chunked: bool) -> "object":
    body = MEMBER * members

    def handler(_: Recorded, conn: socket.socket) -> None:
        head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
        if chunked:  # one HTTP chunk holding the whole bomb
            conn.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
            conn.sendall(b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
        else:
            conn.sendall((head + f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
        raise OSError("done")

    return handler


@pytest.fixture
def small(server: Loopback) -> Iterator[Session]:
    with Session(api_key="sk-test-12345678", server_url=server.url, timeout_ms=10_000, max_response_bytes=MIB) as s:
        yield s


@pytest.mark.parametrize("status", [200, 500])
def test_json_body_past_the_limit(server: Loopback, small: Session, status: int) -> None:
    """A 4 MiB body with a 1 MiB limit: Err naming the limit (ResponseValidationError for a 200,
    MistralError with the status for a 500), the connection dropped, the session still usable."""
    server.reply_fn(_streamed(status, 4 * MIB))  # type: ignore[arg-type]
    result = chat_complete(small, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err)
    assert type(result.error) is (ResponseValidationError if status == 200 else MistralError)
    assert result.error.status_code == status
    assert f"larger than max_response_bytes={MIB} (decoded)" in result.error.message
    assert_still_usable(small, server)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "one-chunk"])
def test_gzip_bomb_is_cut_at_the_limit_of_decoded_bytes(server: Loopback, small: Session, chunked: bool) -> None:
    """A 160 KB gzip body inflating to 160 MiB: Err at the 1 MiB limit, counted after decoding."""
    server.reply_fn(_bomb(10, chunked))  # type: ignore[arg-type]
    result = chat_complete(small, model=MODEL, messages=MESSAGES)
    assert isinstance(result, Err) and type(result.error) is ResponseValidationError, result
    assert f"larger than max_response_bytes={MIB} (decoded)" in result.error.message


def test_one_stream_event_past_the_limit(server: Loopback, small: Session) -> None:
    """A stream's event of 2 MiB with a 1 MiB limit: the events before it, then Err naming the limit."""
    first = 'data: {"id": "c", "model": "m", "choices": []}\n\n'
    big = "data: " + "x" * (2 * MIB) + "\n\n"
    server.reply_sse([first, big, "data: [DONE]\n\n"])
    opened = chat_stream(small, model=MODEL, messages=MESSAGES)
    assert isinstance(opened, Ok)
    with opened.value as stream:
        results = list(stream.results())
    assert len(results) == 2 and isinstance(results[0], Ok) and isinstance(results[1], Err)
    assert type(results[1].error) is ResponseValidationError
    assert f"an event larger than max_response_bytes={MIB}" in results[1].error.message


CHILD = textwrap.dedent(
    """
    import json, resource, sys
    cap = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from mistral_fn import Session, chat_complete
    with Session(api_key="sk-test-12345678", server_url=sys.argv[1], timeout_ms=60_000) as session:
        result = chat_complete(session, model="m", messages=[{"role": "user", "content": "hi"}])
    error = None if result.ok else result.error
    # VmHWM is this process's own peak; ru_maxrss also counts the parent's RSS it was forked with (Linux
    # keeps the high-water mark across exec), which made pytest's own size the figure on 3.10.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/status") as status:
            peak = next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    print(json.dumps({
        "error": type(error).__name__ if error is not None else None,
        "message": getattr(error, "message", ""),
        "peak_rss_mib": peak,
    }))
    """
)
CAP = 1536 * MIB  # address space of the child: a 2 GB body held whole could never fit


@pytest.mark.parametrize("case", ["2 GB body", "10 MB gzip bomb"])
def test_peak_memory_under_an_address_space_cap(server: Loopback, case: str) -> None:
    """With the default 64 MiB limit, in a child capped at 1.5 GiB of address space: a 2 GB body and a
    10 MB gzip bomb (10 GiB inflated) each end in Err naming the limit, at a bounded peak RSS."""
    if case == "2 GB body":
        server.reply_fn(_streamed(200, 2 * 10**9))  # type: ignore[arg-type]
    else:
        server.reply_fn(_bomb(640, chunked=False))  # type: ignore[arg-type]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, server.url, str(CAP)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["error"] == "ResponseValidationError", report
    assert f"larger than max_response_bytes={64 * MIB} (decoded)" in report["message"]
    assert report["peak_rss_mib"] < 400, report
    print(f"\n{case}: Err at the 64 MiB limit, peak RSS {report['peak_rss_mib']:.0f} MiB (RLIMIT_AS 1.5 GiB)")
