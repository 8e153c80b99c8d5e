"""run_many(): results in input order, bounded work in flight, progress, cancel and deadline."""

import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from mistral_fn import Ok, Session, run_many
from mistral_fn.errors import RequestAbortedError, RequestTimeoutError, UnexpectedClientError
from mistral_fn.funcs.embeddings_create import embeddings_create
from tests.loopback import Loopback
from tests.scale.support import Echo


def _calls(n: int) -> list[dict[str, Any]]:
    return [{"model": "mistral-embed", "input": [f"text-{i}"]} for i in range(n)]


def test_results_come_back_in_input_order(server: Loopback, session: Session) -> None:
    echo = Echo(server, 60)
    delays = iter([random.uniform(0, 0.03) for _ in range(60)])
    original = echo.handle

    def jittered(request: Any, conn: Any) -> None:  # finish out of order
        time.sleep(next(delays))
        original(request, conn)

    server._queue[:] = [jittered] * 60
    results = run_many(embeddings_create, session, _calls(60), max_workers=8)
    assert [r.unwrap().id for r in results] == [f"text-{i}" for i in range(60)]
    assert echo.most_in_hand <= 8


def test_a_long_iterable_is_read_as_the_work_goes(server: Loopback, session: Session) -> None:
    Echo(server, 200, delay=0.002)
    pulled = 0
    ahead: list[int] = []

    def source() -> Iterator[dict[str, Any]]:
        nonlocal pulled
        for call in _calls(200):
            pulled += 1
            yield call

    def progress(done: int, total: int | None) -> None:
        assert total is None  # a generator has no length
        ahead.append(pulled - done)

    results = run_many(embeddings_create, session, source(), max_workers=4, on_progress=progress)
    assert len(results) == 200 and all(r.ok for r in results)
    assert max(ahead) <= 4  # never more than max_workers taken and not finished


def test_progress_counts_every_call(server: Loopback, session: Session) -> None:
    Echo(server, 30)
    seen: list[tuple[int, int | None]] = []
    run_many(embeddings_create, session, _calls(30), max_workers=3, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, 30) for i in range(1, 31)]


def test_errors_are_results_too(server: Loopback, session: Session) -> None:
    Echo(server, 2)
    calls = [*_calls(2), {"model": "mistral-embed"}]  # the last lacks `input`
    results = run_many(embeddings_create, session, calls, max_workers=2)
    assert [r.ok for r in results] == [True, True, False]
    assert "input" in str(results[2].error)


def test_a_function_that_raises_gives_an_err() -> None:
    def flaky(session: Session, *, n: int) -> Any:
        if n == 2:
            raise KeyError("two")
        return Ok(n)

    results = run_many(flaky, Session(api_key="k"), [{"n": i} for i in range(4)], max_workers=2)
    assert [r.ok for r in results] == [True, True, False, True]
    assert isinstance(results[2].error, UnexpectedClientError)


def test_cancel_ends_the_rest(server: Loopback, session: Session) -> None:
    Echo(server, 40, delay=0.2)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    results = run_many(embeddings_create, session, _calls(40), max_workers=4, cancel=cancel)
    elapsed = time.monotonic() - started
    assert elapsed < 1.5  # 40 calls of 0.2 s on 4 workers would take 2 s
    assert len(results) == 40
    assert results[0].ok  # the first round finished before the cancel
    aborted = [r for r in results if not r.ok]
    assert len(aborted) >= 28
    assert all(isinstance(r.error, RequestAbortedError) for r in aborted)
    assert not results[-1].ok


def test_deadline_ends_the_rest(server: Loopback, session: Session) -> None:
    Echo(server, 40, delay=0.2)
    started = time.monotonic()
    results = run_many(embeddings_create, session, _calls(40), max_workers=4, deadline_ms=500)
    assert time.monotonic() - started < 1.5
    assert results[0].ok
    late = [r for r in results if not r.ok]
    assert len(late) >= 28
    assert all(isinstance(r.error, RequestTimeoutError) for r in late)


def test_a_failing_progress_callback_is_raised_in_the_caller(server: Loopback, session: Session) -> None:
    Echo(server, 20)

    def progress(done: int, total: int | None) -> None:
        if done == 3:
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        run_many(embeddings_create, session, _calls(20), max_workers=2, on_progress=progress)


def test_no_threads_left_behind(server: Loopback, session: Session) -> None:
    Echo(server, 20)
    run_many(embeddings_create, session, _calls(20), max_workers=5)
    assert not [t for t in threading.enumerate() if t.name.startswith("mistral-fn-run-many")]


def test_empty_input() -> None:
    assert run_many(embeddings_create, Session(api_key="k"), [], max_workers=4) == []


def test_bad_max_workers() -> None:
    with pytest.raises(ValueError, match="max_workers"):
        run_many(embeddings_create, Session(api_key="k"), [], max_workers=0)
