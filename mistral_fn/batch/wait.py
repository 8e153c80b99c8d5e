"""`batch_wait`: poll a run's jobs, with growing pauses, until all are finished or time runs out."""

import threading
import time
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs

from ..errors import HTTPClientError, MistralError, RequestAbortedError, RequestTimeoutError
from ..result import Err, Ok, Result
from ..session import Session
from .run import BatchJob, BatchRun


class BatchCounts(NamedTuple):
    """Where a run stands: its requests and its jobs."""

    total: int
    completed: int
    succeeded: int
    failed: int
    jobs: int
    jobs_finished: int


def batch_wait(
    session: Session,
    run: BatchRun,
    *,
    deadline_ms: int | None = None,
    poll_ms: int = 2000,
    max_poll_ms: int = 60_000,
    on_progress: Callable[[BatchCounts], object] | None = None,
    cancel: threading.Event | None = None,
) -> "Result[BatchRun, MistralError | HTTPClientError]":
    """`Ok(run)` with every job's final status and files once all are finished.

    Polls the unfinished jobs every `poll_ms`, the pause growing by half each time up to
    `max_poll_ms`; `on_progress(counts)` after each round. `Err(RequestTimeoutError)` when
    `deadline_ms` passes first (a wait that would end past it is not begun),
    `Err(RequestAbortedError)` once `cancel` is set, or the `Err` of a failed poll.
    """
    end = None if deadline_ms is None else time.monotonic() + deadline_ms / 1000
    pause = poll_ms / 1000
    while True:
        polled = _poll_round(session, run, end, cancel)
        if isinstance(polled, Err):
            return polled
        run, counts = polled.value
        if on_progress is not None:
            on_progress(counts)
        if run.finished:
            return Ok(run)
        if end is not None and time.monotonic() + pause >= end:
            return Err(RequestTimeoutError(f"batch_wait: deadline_ms={deadline_ms} ran out before the jobs finished"))
        if cancel is not None:
            if cancel.wait(pause):
                return Err(RequestAbortedError("batch_wait: cancelled"))
        else:
            time.sleep(pause)
        pause = min(pause * 1.5, max_poll_ms / 1000)


def batch_status(session: Session, run: BatchRun) -> "Result[tuple[BatchRun, BatchCounts], Any]":
    """One look at every job: `Ok((run with their statuses and files, counts))`, without waiting."""
    return _poll_round(session, run, None, None)


def _poll_round(
    session: Session, run: BatchRun, end: float | None, cancel: threading.Event | None
) -> "Result[tuple[BatchRun, BatchCounts], Any]":
    jobs = list(run.jobs)
    counts: dict[str, tuple[int, int, int, int]] = {}
    for i, job in enumerate(jobs):
        polled = _poll(session, job, end, cancel)
        if isinstance(polled, Err):
            return polled
        jobs[i], counts[job.job_id] = polled.value
    return Ok((attrs.evolve(run, jobs=tuple(jobs)), _sum(counts, jobs)))


def _poll(
    session: Session, job: BatchJob, end: float | None, cancel: threading.Event | None
) -> "Result[tuple[BatchJob, tuple[int, int, int, int]], Any]":
    from ..funcs.batch_jobs_get import batch_jobs_get

    left = None if end is None else max(1, int((end - time.monotonic()) * 1000))
    got = batch_jobs_get(session, job_id=job.job_id, deadline_ms=left, cancel=cancel)
    if isinstance(got, Err):
        return got
    out = got.value
    updated = attrs.evolve(
        job,
        status=str(out.status),
        output_file=out.output_file if isinstance(out.output_file, str) else None,
        error_file=out.error_file if isinstance(out.error_file, str) else None,
    )
    t, c, s, f = (
        _int(out.total_requests),
        _int(out.completed_requests),
        _int(out.succeeded_requests),
        _int(out.failed_requests),
    )
    return Ok((updated, (t, c, s, f)))


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _sum(counts: dict[str, tuple[int, int, int, int]], jobs: list[BatchJob]) -> BatchCounts:
    total = completed = succeeded = failed = 0
    for job in jobs:
        t, c, s, f = counts.get(job.job_id, (job.count, 0, 0, 0))
        total, completed, succeeded, failed = total + (t or job.count), completed + c, succeeded + s, failed + f
    return BatchCounts(total, completed, succeeded, failed, len(jobs), sum(job.finished for job in jobs))
