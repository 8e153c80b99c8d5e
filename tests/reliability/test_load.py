"""Load: 32 threads share one Session for 6,400 calls against MockServer, with 429s, 5XXs and 400s queued.

Every call ends with the result its queued answers call for (counted per operation, no exception),
the connection pool stays within its size, and the process's file descriptors come back to where
they were once the Session is closed. The figures are printed (run with -s) for docs/RELIABILITY.md.
"""

import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from mistral_fn import (
    BackoffStrategy,
    Err,
    Ok,
    RetryConfig,
    Session,
    chat_complete,
    chat_stream,
    embeddings_create,
    models_list,
)
from mistral_fn._runtime.transport import for_session
from mistral_fn.errors import MistralError
from mistral_fn.testing import MockServer
from tests.reliability.support import API_KEY, MESSAGES

pytestmark = pytest.mark.load

THREADS = 32
CALLS_PER_THREAD = 200
POOL_SIZE = 32
TINY = RetryConfig(backoff=BackoffStrategy(initial_interval=1, max_interval=4, exponent=2, max_elapsed_time=60_000))
NO_RETRIES = RetryConfig("none")
# Queued answers per operation; everything else gets the mock's generated 200.
CHAT_429S, CHAT_503S, EMBEDDING_400S, MODELS_500S, STREAM_502S = 400, 400, 300, 200, 200


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _threads() -> int:
    """Live threads, leaving out the one watchdog a Session starts on first use and keeps."""
    return sum(t.name != "mistral-fn-watchdog" for t in threading.enumerate())


def _settle(target: int, margin: int, seconds: float = 5.0) -> int:
    """The fd count once server threads have closed their ends, waiting up to `seconds`."""
    deadline = time.monotonic() + seconds
    count = _fds()
    while count > target + margin and time.monotonic() < deadline:
        time.sleep(0.05)
        count = _fds()
    return count


def _calls(session: Session) -> list[Callable[[], str]]:
    """The four kinds of call, each returning a label for the outcome it had."""

    def chat() -> str:
        result = chat_complete(session, model="mistral-small-latest", messages=MESSAGES)
        assert isinstance(result, Ok), result
        return "chat:ok"

    def embed() -> str:
        result = embeddings_create(session, model="mistral-embed", input=["a", "b"])
        if isinstance(result, Err):
            assert type(result.error) is MistralError and result.error.status_code == 400, result
            return "embed:400"
        return "embed:ok"

    def models() -> str:
        result = models_list(session, retries=NO_RETRIES)
        if isinstance(result, Err):
            assert type(result.error) is MistralError and result.error.status_code == 500, result
            return "models:500"
        return "models:ok"

    def stream() -> str:
        result = chat_stream(session, model="mistral-small-latest", messages=MESSAGES)
        assert isinstance(result, Ok), result
        text = result.value.text()
        assert isinstance(text, Ok) and text.value, text
        return "stream:ok"

    return [chat, embed, models, stream]


def _pool_figures(client: requests.Session) -> tuple[int, int]:
    """(connections made, connections kept) over the client's urllib3 pools."""
    made = kept = 0
    for adapter in client.adapters.values():
        for key in list(adapter.poolmanager.pools.keys()):
            pool: Any = adapter.poolmanager.pools[key]
            made += pool.num_connections
            kept += pool.pool.qsize() if pool.pool is not None else 0
    return made, kept


def test_32_threads_share_one_session_for_6400_calls() -> None:
    """6,400 calls from 32 threads: every outcome as queued, a bounded pool, and no descriptor leaked."""
    with MockServer() as mock:
        for _ in range(CHAT_429S):
            mock.queue("chat_complete", status=429, headers={"Retry-After": "0"})
        for _ in range(CHAT_503S):
            mock.queue("chat_complete", status=503)
        for _ in range(EMBEDDING_400S):
            mock.queue("embeddings_create", status=400)
        for _ in range(MODELS_500S):
            mock.queue("models_list", status=500)
        for _ in range(STREAM_502S):
            mock.queue("chat_stream", status=502)

        fds_before = _fds()
        client = requests.Session()
        client.headers.clear()
        client.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=POOL_SIZE))
        session = Session(api_key=API_KEY, server_url=mock.url, retry_config=TINY, http_client=client)
        calls = _calls(session)
        outcomes: Counter[str] = Counter()
        failures: list[BaseException] = []
        lock = threading.Lock()
        start = threading.Barrier(THREADS)

        def worker(index: int) -> None:
            mine: Counter[str] = Counter()
            start.wait()
            try:
                for j in range(CALLS_PER_THREAD):
                    mine[calls[(index + j) % 4]()] += 1
            except BaseException as e:  # noqa: BLE001 - reported below, never swallowed
                failures.append(e)
            with lock:
                outcomes.update(mine)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        elapsed = time.monotonic() - started
        fds_peak = _fds()
        made, kept = _pool_figures(client)
        session.close()
        fds_after = _settle(fds_before, margin=0)

        total = THREADS * CALLS_PER_THREAD
        quarter = total // 4
        print(
            f"\nload: {total} calls, {THREADS} threads, {elapsed:.1f} s ({total / elapsed:.0f} calls/s), "
            f"{len(mock.requests)} requests; outcomes {dict(sorted(outcomes.items()))}; "
            f"pool {POOL_SIZE}: {made} connections made, {kept} kept; "
            f"fds {fds_before} before, {fds_peak} at the end of the load, {fds_after} after close()"
        )
        assert not failures, failures[:3]
        assert all(not t.is_alive() for t in threads)
        assert outcomes == {
            "chat:ok": quarter,
            "embed:ok": quarter - EMBEDDING_400S,
            "embed:400": EMBEDDING_400S,
            "models:ok": quarter - MODELS_500S,
            "models:500": MODELS_500S,
            "stream:ok": quarter,
        }
        assert len(mock.requests_for("chat_complete")) == quarter + CHAT_429S + CHAT_503S
        assert len(mock.requests_for("embeddings_create")) == quarter
        assert len(mock.requests_for("models_list")) == quarter
        assert len(mock.requests_for("chat_stream")) == quarter + STREAM_502S
        assert made <= POOL_SIZE + 4, f"{made} connections for a pool of {POOL_SIZE}"
        assert kept <= POOL_SIZE
        assert abs(fds_after - fds_before) <= 2, (fds_before, fds_after)
        assert elapsed < 90


def test_default_pool_keeps_at_most_ten_connections_under_32_threads() -> None:
    """With the default requests pool (10), 32 threads reuse at most 10 kept connections; fds come back."""
    with MockServer() as mock:
        fds_before = _fds()
        session = Session(api_key=API_KEY, server_url=mock.url)
        threads = [
            threading.Thread(target=lambda: [models_list(session).unwrap() for _ in range(20)]) for _ in range(THREADS)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        made, kept = _pool_figures(for_session(session).client)
        session.close()
        fds_after = _settle(fds_before, margin=0)
        print(
            f"\ndefault pool: {THREADS * 20} calls, {THREADS} threads, {made} connections made, {kept} kept; "
            f"fds {fds_before} before, {fds_after} after close()"
        )
        assert len(mock.requests_for("models_list")) == THREADS * 20
        assert kept <= 10
        assert abs(fds_after - fds_before) <= 2, (fds_before, fds_after)


def test_calls_with_a_cancel_event_leave_no_thread_or_descriptor_behind() -> None:
    """800 calls given a cancel event (each attempt and stream runs a helper thread): none outlives its call."""
    with MockServer() as mock:
        fds_before, threads_before = _fds(), _threads()
        session = Session(api_key=API_KEY, server_url=mock.url)

        def work() -> None:
            for _ in range(25):
                cancel = threading.Event()
                assert isinstance(chat_complete(session, model="m", messages=MESSAGES, cancel=cancel), Ok)
                opened = chat_stream(session, model="m", messages=MESSAGES, cancel=cancel)
                assert isinstance(opened, Ok) and isinstance(opened.value.text(), Ok)

        workers = [threading.Thread(target=work) for _ in range(16)]
        for t in workers:
            t.start()
        for t in workers:
            t.join(60)

        def helpers() -> int:
            # Per-call helper threads only: the mock's threads and the one shared watchdog stay by design.
            shared = ("mistral-fn-mock", "mistral-fn-watchdog")
            return sum(t.name.startswith("mistral-fn-") and t.name not in shared for t in threading.enumerate())

        deadline = time.monotonic() + 1  # a watcher notices its stream ended within one 20 ms poll
        while helpers() and time.monotonic() < deadline:
            time.sleep(0.01)
        helpers_left = helpers()
        session.close()  # and the server's per-connection threads end with their connections
        fds_after = _settle(fds_before, margin=0)
        deadline = time.monotonic() + 5
        while _threads() > threads_before and time.monotonic() < deadline:
            time.sleep(0.02)
        threads_after = _threads()
        print(
            f"\ncancel given: 800 calls, 16 threads; {helpers_left} helper threads left (waited up to 1 s); "
            f"threads {threads_before} -> {threads_after}, fds {fds_before} -> {fds_after} after close()"
        )
        assert helpers_left == 0
        assert len(mock.requests) == 800
        assert threads_after == threads_before, [t.name for t in threading.enumerate()]
        assert abs(fds_after - fds_before) <= 2
