"""`run_many(op, session, calls)`: one operation over many keyword sets, on threads, results in order.

    results = run_many(embeddings_create, session,
                       ({"model": "mistral-embed", "input": [text]} for text in texts),
                       max_workers=16, deadline_ms=60_000)

requests is synchronous, so the calls run on `max_workers` threads that each take the next keyword
set from `calls` when they are free: the iterable is read as the work goes, so no more than
`max_workers` calls are in flight however long it is (the results themselves are all kept, that is
the answer). The session's rate limit, retries and hooks apply to every call as usual.
"""

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .errors import RequestAbortedError, RequestTimeoutError, UnexpectedClientError
from .result import Err, Result
from .session import Session

Progress = Callable[[int, "int | None"], object]


def run_many(
    op: Callable[..., Result[Any, Any]],
    session: Session,
    calls: Iterable[Mapping[str, Any]],
    *,
    max_workers: int = 8,
    deadline_ms: int | None = None,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Result[Any, Any]]:
    """`op(session, **kwargs)` for each mapping of `calls`; the `Result`s in the order of `calls`.

    `deadline_ms` bounds the whole run: each call gets what is left as its own deadline, and calls
    not started when it passes are `Err(RequestTimeoutError)`. Once `cancel` is set, calls in flight
    stop and the rest are `Err(RequestAbortedError)`. `on_progress(done, total)` is called after each
    call (`total` is None when `calls` has no length), one call at a time.
    """
    if max_workers < 1:
        raise ValueError(f"max_workers must be at least 1, got {max_workers}")
    total = len(calls) if hasattr(calls, "__len__") else None  # type: ignore[arg-type]
    end = None if deadline_ms is None else time.monotonic() + deadline_ms / 1000
    run = _Run(op, session, enumerate(calls), total, end, deadline_ms, on_progress, cancel)
    workers = max_workers if total is None else max(1, min(max_workers, total))
    threads = [threading.Thread(target=run.work, name=f"mistral-fn-run-many-{i}", daemon=True) for i in range(workers)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    except BaseException:  # Ctrl-C in the caller: let the workers wind down without starting more
        run.stopped = "the caller was interrupted"
        raise
    if run.failure is not None:
        raise run.failure
    return run.results


class _Run:
    """The state the worker threads share: the source, the results so far, what stops the rest."""

    def __init__(
        self,
        op: Callable[..., Result[Any, Any]],
        session: Session,
        source: Iterable[tuple[int, Mapping[str, Any]]],
        total: int | None,
        end: float | None,
        deadline_ms: int | None,
        on_progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        self.op = op
        self.session = session
        self.source = iter(source)
        self.total = total
        self.end = end
        self.deadline_ms = deadline_ms
        self.on_progress = on_progress
        self.cancel = cancel
        self.results: list[Result[Any, Any]] = []
        self.done = 0
        self.stopped: str | None = None
        self.failure: BaseException | None = None
        self.lock = threading.Lock()
        self.progress_lock = threading.Lock()

    def work(self) -> None:
        results = self.results
        while True:
            with self.lock:
                try:
                    index, kwargs = next(self.source)
                except StopIteration:
                    return
                except BaseException as e:  # noqa: BLE001 - the caller's iterable failed: stop, raise it there
                    self.failure = self.failure or e
                    return
                results.append(_PENDING)
            results[index] = self.call(kwargs)
            if self.on_progress is not None:
                self.report()

    def call(self, kwargs: Mapping[str, Any]) -> Result[Any, Any]:
        if self.stopped is not None:
            return Err(RequestAbortedError(f"not started: {self.stopped}"))
        if self.cancel is not None:
            if self.cancel.is_set():
                return Err(RequestAbortedError("not started: cancelled"))
            kwargs = {"cancel": self.cancel, **kwargs}
        if self.end is not None:
            left_ms = int((self.end - time.monotonic()) * 1000)
            if left_ms <= 0:
                return Err(RequestTimeoutError(f"not started: run_many's deadline_ms={self.deadline_ms} ran out"))
            own = kwargs.get("deadline_ms")
            kwargs = {**kwargs, "deadline_ms": left_ms if own is None else min(own, left_ms)}
        try:
            return self.op(self.session, **kwargs)
        except Exception as e:  # noqa: BLE001 - an operation never raises; a function of the caller's might
            return Err(UnexpectedClientError(f"run_many: the call raised {type(e).__name__}: {e}", cause=e))

    def report(self) -> None:
        assert self.on_progress is not None
        with self.progress_lock:
            self.done += 1
            if self.failure is not None:
                return
            try:
                self.on_progress(self.done, self.total)
            except BaseException as e:  # noqa: BLE001 - raised again in the caller's thread
                self.failure = e
                self.stopped = f"on_progress raised {type(e).__name__}"


_PENDING: Result[Any, Any] = Err(UnexpectedClientError("run_many: no result (a worker stopped early)"))
