"""`batch_submit`: write the requests as JSONL while uploading them, one or more batch jobs."""

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, cast

from ..errors import HTTPClientError, InvalidRequestError, MistralError
from ..result import Err, Ok, Result
from ..session import RetryConfig, Session
from ..types import UNSET
from .run import BatchJob, BatchRun

MAX_REQUESTS_PER_JOB = 1_000_000
"""The most requests Mistral takes in one batch job."""
MAX_FILE_BYTES = 512 * 1000 * 1000
"""The largest file the files API takes (512 MB)."""

# A streamed upload cannot be read twice: a retry would send what is left of it, so it gets none.
_NO_RETRY = RetryConfig(strategy="none")


def batch_submit(
    session: Session,
    requests: Iterable[Mapping[str, Any]],
    *,
    model: str | None = None,
    endpoint: str = "/v1/chat/completions",
    metadata: Mapping[str, str] | None = None,
    agent_id: str | None = None,
    timeout_hours: int | None = None,
    max_requests_per_job: int = MAX_REQUESTS_PER_JOB,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> "Result[BatchRun, MistralError | HTTPClientError]":
    """Upload `requests` as batch input files and create a job for each; `Ok(BatchRun)`.

    Each request is a body for `endpoint` (without `model`, which the job gives), or a mapping
    `{"custom_id": ..., "body": {...}}`. Request `i` without a custom id gets `str(i)`. The JSONL is
    made as the upload reads it, so the requests are never all in memory; past `max_requests_per_job`
    requests or `max_file_bytes` bytes, the rest goes into another file and another job.

    A failure ends the submission with that `Err`; jobs created before it are named in the error's
    notes (`error.__notes__`), since they run anyway.
    """
    from ..funcs.batch_jobs_create import batch_jobs_create
    from ..funcs.files_upload import files_upload

    if model is None and agent_id is None:
        return Err(InvalidRequestError("batch_submit: give model= (or agent_id=)"))
    if max_requests_per_job < 1 or max_file_bytes < 1:
        return Err(InvalidRequestError("batch_submit: max_requests_per_job and max_file_bytes must be positive"))
    source = _Source(requests)
    jobs: list[BatchJob] = []
    while source.has_more():
        part = _JobFile(source, max_requests_per_job, max_file_bytes, len(jobs))
        uploaded = files_upload(session, file=(part.name, cast(IO[bytes], part)), purpose="batch", retries=_NO_RETRY)
        if source.error is not None:  # the requests themselves were at fault: the upload was cut short
            return _failed(Err(source.error), jobs)
        if isinstance(uploaded, Err):
            return _failed(uploaded, jobs)
        created = batch_jobs_create(
            session,
            input_files=[uploaded.value.id],
            endpoint=endpoint,
            model=UNSET if model is None else model,
            agent_id=UNSET if agent_id is None else agent_id,
            metadata=UNSET if metadata is None else dict(metadata),
            timeout_hours=UNSET if timeout_hours is None else timeout_hours,
        )
        if isinstance(created, Err):
            return _failed(created, jobs)
        job = created.value
        ids = tuple(part.custom_ids) if part.custom_ids is not None else None
        jobs.append(BatchJob(job.id, uploaded.value.id, part.start, part.count, ids, str(job.status)))
    if source.error is not None:
        return _failed(Err(source.error), jobs)
    if not jobs:
        return Err(InvalidRequestError("batch_submit: no requests"))
    meta = None if metadata is None else dict(metadata)
    return Ok(BatchRun(endpoint=endpoint, model=model, jobs=tuple(jobs), metadata=meta, agent_id=agent_id))


def _failed(result: Err[Any], jobs: list[BatchJob]) -> Err[Any]:
    if jobs and isinstance(result.error, BaseException):
        # add_note() without needing Python 3.11: the same attribute, which 3.11 tracebacks print.
        note = f"batch_submit: jobs created before this failure: {', '.join(j.job_id for j in jobs)}"
        setattr(result.error, "__notes__", [*getattr(result.error, "__notes__", ()), note])  # noqa: B010
    return result


class _Source:
    """The caller's requests as JSONL lines, one at a time, with their custom ids checked."""

    def __init__(self, requests: Iterable[Mapping[str, Any]]) -> None:
        self._items: Iterator[Mapping[str, Any]] = iter(requests)
        self.index = 0
        self._next: tuple[str, bool, bytes] | None = None
        self._ended = False
        self.error: InvalidRequestError | None = None
        self._seen: set[str] | None = None
        """Custom ids so far, once the caller has given one (until then they are the indexes)."""

    def has_more(self) -> bool:
        try:
            return self.error is None and self.peek() is not None
        except InvalidRequestError:  # kept in self.error
            return False

    def peek(self) -> tuple[str, bool, bytes] | None:
        """(custom id, whether the caller gave it, the line) of the next request; None at the end."""
        if self._next is None and not self._ended and self.error is None:
            try:
                item = next(self._items)
            except StopIteration:
                self._ended = True
                return None
            except Exception as e:  # the caller's iterable failed: an Err, not a raise
                self.error = InvalidRequestError(f"batch_submit: reading request {self.index} failed: {e}", cause=e)
                raise self.error from e
            try:
                self._next = self._line(item)
            except InvalidRequestError as e:
                self.error = e
                raise
        return self._next

    def take(self) -> None:
        self._next = None
        self.index += 1

    def _line(self, item: Any) -> tuple[str, bool, bytes]:
        from .._runtime import convert

        index = self.index
        if not isinstance(item, Mapping) and hasattr(item, "body"):  # a BatchRequest
            item = {"custom_id": item.custom_id, "body": item.body}
        if not isinstance(item, Mapping):
            raise InvalidRequestError(f"batch_submit: request {index} is a {type(item).__name__}, not a mapping")
        given = item.get("custom_id", UNSET) if "body" in item else UNSET
        body = item["body"] if "body" in item else item
        if given is UNSET or given is None:
            custom_id, is_given = str(index), False
        elif isinstance(given, (str, int)) and not isinstance(given, bool):
            custom_id, is_given = str(given), True
        else:
            raise InvalidRequestError(f"batch_submit: request {index}: custom_id must be a string, got {given!r}")
        if is_given and self._seen is None:
            self._seen = {str(i) for i in range(index)}
        if self._seen is not None:
            if custom_id in self._seen:
                raise InvalidRequestError(f"batch_submit: request {index}: custom_id {custom_id!r} is used twice")
            self._seen.add(custom_id)
        try:
            payload = json.dumps(
                {"custom_id": custom_id, "body": convert.to_json(body)},
                separators=(",", ":"),
                ensure_ascii=False,
                allow_nan=False,
            )
        except (TypeError, ValueError) as e:
            raise InvalidRequestError(f"batch_submit: request {index} cannot be written as JSON: {e}", cause=e) from e
        return custom_id, is_given, payload.encode() + b"\n"


class _JobFile:
    """The input file of one job, read by the upload: lines taken from the source as it asks."""

    def __init__(self, source: _Source, max_requests: int, max_bytes: int, number: int) -> None:
        self.source = source
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.name = f"batch-{number}.jsonl"
        self.start = source.index
        self.count = 0
        self.size = 0
        self.custom_ids: list[str] | None = None
        self._buffer = bytearray()
        self._full = False

    def seekable(self) -> bool:
        return False

    def read(self, size: int = -1) -> bytes:
        while not self._full and (size < 0 or len(self._buffer) < size):
            self._add_one()
        if size < 0 or size > len(self._buffer):
            size = len(self._buffer)
        chunk = bytes(self._buffer[:size])
        del self._buffer[:size]
        return chunk

    def _add_one(self) -> None:
        if self.count >= self.max_requests:
            self._full = True
            return
        entry = self.source.peek()
        if entry is None:
            self._full = True
            return
        custom_id, given, line = entry
        if self.size + len(line) > self.max_bytes:
            if self.count == 0:
                self.source.error = InvalidRequestError(
                    f"batch_submit: request {self.source.index} alone is {len(line)} bytes, over max_file_bytes"
                )
                raise self.source.error
            self._full = True
            return
        if given and self.custom_ids is None:
            self.custom_ids = [str(i) for i in range(self.start, self.source.index)]
        if self.custom_ids is not None:
            self.custom_ids.append(custom_id)
        self.source.take()
        self._buffer += line
        self.size += len(line)
        self.count += 1
