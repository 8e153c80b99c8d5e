"""`batch_results`: each request's answer, read from the jobs' output and error files as they stream."""

import json
from collections.abc import Iterator
from typing import Any

from ..errors import HTTPClientError, InvalidRequestError, MistralError
from ..result import Err, Ok, Result
from ..session import Session
from .run import BatchJob, BatchRun

# The operation whose success response a batch line of each endpoint holds.
_OPERATION_OF_ENDPOINT = {
    "/v1/chat/completions": "chat_complete",
    "/v1/embeddings": "embeddings_create",
    "/v1/fim/completions": "fim_complete",
    "/v1/moderations": "classifiers_moderate",
    "/v1/chat/moderations": "classifiers_moderate_chat",
    "/v1/ocr": "ocr_process",
    "/v1/classifications": "classifiers_classify",
    "/v1/chat/classifications": "classifiers_classify_chat",
    "/v1/conversations": "beta_conversations_start",
    "/v1/audio/transcriptions": "audio_transcriptions_complete",
}


class BatchItemError(MistralError):
    """One request of a batch failed: the API's status and error for it, and its `custom_id`.

    `status_code` is 0 where the job gave no line at all for the request (it was cancelled, timed
    out or failed before reaching it).
    """

    __match_args__ = ("custom_id", "status_code", "message")

    def __init__(self, message: str, *, custom_id: str | None, status_code: int, body: str = "") -> None:
        super().__init__(message, status_code=status_code, headers={}, body=body)
        self.custom_id = custom_id

    def __repr__(self) -> str:
        return f"BatchItemError(custom_id={self.custom_id!r}, status_code={self.status_code}, message={self.message!r})"

    def __reduce__(self) -> Any:
        return (_rebuild, (self.message, self.custom_id, self.status_code, self.body))


def _rebuild(message: str, custom_id: str | None, status_code: int, body: str) -> BatchItemError:
    return BatchItemError(message, custom_id=custom_id, status_code=status_code, body=body)


Item = Result[tuple[str, Any], "BatchItemError | MistralError | HTTPClientError"]


def batch_results(session: Session, run: BatchRun, *, ordered: bool = False) -> Iterator[Item]:
    """`Ok((custom_id, response))` per request that succeeded, `Err(BatchItemError)` per one that did
    not; the response is the endpoint's model (`ChatCompletionResponse`, `EmbeddingResponse`...).

    Reads each job's output file, then its error file, streaming (`ordered=False`: in the files'
    order). `ordered=True` gives the submission's order instead, holding one job's results at a time.
    A job not finished yet, or a file that cannot be read, gives one `Err` and the next job follows.
    """
    model = response_model(run.endpoint)
    for job in run.jobs:
        if not job.finished or (job.output_file is None and job.error_file is None):
            refreshed = _refresh(session, job)
            if isinstance(refreshed, Err):
                yield refreshed
                continue
            job = refreshed.value
        if not job.finished:
            yield Err(InvalidRequestError(f"batch job {job.job_id} is {job.status}: wait for it (batch_wait) first"))
            continue
        yield from (_in_order if ordered else _as_read)(session, job, model)


def response_model(endpoint: str) -> Any:
    """The model a successful line of `endpoint` holds (a plain JSON value for an unknown endpoint)."""
    name = _OPERATION_OF_ENDPOINT.get(endpoint)
    if name is None:
        return Any
    import importlib

    from ..funcs import operation_of

    function = getattr(importlib.import_module(f"mistral_fn.funcs.{name}"), name)
    return operation_of(function).ok[200]


def _refresh(session: Session, job: BatchJob) -> "Result[BatchJob, Any]":
    import attrs

    from ..funcs.batch_jobs_get import batch_jobs_get

    got = batch_jobs_get(session, job_id=job.job_id)
    if isinstance(got, Err):
        return got
    out = got.value
    return Ok(
        attrs.evolve(
            job,
            status=str(out.status),
            output_file=out.output_file if isinstance(out.output_file, str) else None,
            error_file=out.error_file if isinstance(out.error_file, str) else None,
        )
    )


def _as_read(session: Session, job: BatchJob, model: Any) -> Iterator[Item]:
    seen = bytearray(job.count)
    positions = job.position_of()
    for entry in _records(session, job):
        if isinstance(entry, Err):
            yield entry
            return
        item = _item(entry, model)
        position = _position(job, positions, _custom_id(entry))
        if position is not None:
            seen[position] = 1
        yield item
    for position in range(job.count):
        if not seen[position]:
            yield _missing(job, position)


def _in_order(session: Session, job: BatchJob, model: Any) -> Iterator[Item]:
    slots: list[Item | None] = [None] * job.count
    extra: list[Item] = []
    positions = job.position_of()
    for entry in _records(session, job):
        if isinstance(entry, Err):
            yield entry
            return
        position = _position(job, positions, _custom_id(entry))
        if position is None or slots[position] is not None:
            extra.append(_item(entry, model))
        else:
            slots[position] = _item(entry, model)
    for position, item in enumerate(slots):
        yield item if item is not None else _missing(job, position)
    yield from extra


def _custom_id(record: dict[str, Any]) -> str | None:
    cid = record.get("custom_id")
    return None if cid is None else str(cid)


def _position(job: BatchJob, positions: dict[str, int] | None, custom_id: str | None) -> int | None:
    if custom_id is None:
        return None
    if positions is not None:
        return positions.get(custom_id)
    if not custom_id.isdigit():
        return None
    position = int(custom_id) - job.start
    return position if 0 <= position < job.count else None


def _missing(job: BatchJob, position: int) -> Item:
    cid = job.custom_id(position)
    message = f"batch job {job.job_id} ({job.status}) gave no result for custom_id {cid!r}"
    return Err(BatchItemError(message, custom_id=cid, status_code=0))


def _item(record: dict[str, Any], model: Any) -> Item:
    from .._runtime import convert

    cid = _custom_id(record)
    raw = record.get("response")
    response: dict[str, Any] = raw if isinstance(raw, dict) else {}
    code = response.get("status_code")
    status = code if isinstance(code, int) else 0
    body = response.get("body")
    error = record.get("error")
    if error is None and 200 <= status < 300:
        try:
            return Ok((cid or "", convert.read(body, model)))
        except convert.ConversionError as e:
            text = json.dumps(body)
            return Err(
                BatchItemError(
                    f"custom_id {cid!r}: response is not a {_name(model)}: {e}",
                    custom_id=cid,
                    status_code=status,
                    body=text,
                )
            )
    detail = error.get("message") if isinstance(error, dict) else error
    if detail is None and isinstance(body, dict):
        detail = body.get("message") or body.get("detail")
    message = f"batch request {cid!r} failed with status {status}: {detail}"
    return Err(BatchItemError(message, custom_id=cid, status_code=status, body=json.dumps(body)))


def _name(model: Any) -> str:
    return getattr(model, "__name__", str(model))


def _records(session: Session, job: BatchJob) -> Iterator["dict[str, Any] | Err[Any]"]:
    """The lines of the job's output file then its error file, decoded; an `Err` ends them."""
    from ..funcs.files_download import files_download

    for file_id in (job.output_file, job.error_file):
        if file_id is None:
            continue
        downloaded = files_download(session, file_id=file_id)
        if isinstance(downloaded, Err):
            yield downloaded
            return
        with downloaded.value as body:
            pending = b""
            try:
                for chunk in body.iter_bytes():
                    pending += chunk
                    *lines, pending = pending.split(b"\n")
                    for line in lines:
                        if line.strip():
                            yield _decode(line, file_id)
            except (MistralError, HTTPClientError) as e:
                yield Err(e)
                return
            if pending.strip():
                yield _decode(pending, file_id)


def _decode(line: bytes, file_id: str) -> "dict[str, Any] | Err[Any]":
    try:
        record = json.loads(line)
    except ValueError as e:
        return Err(
            BatchItemError(
                f"file {file_id}: a line that is not JSON: {e}",
                custom_id=None,
                status_code=0,
                body=line[:2000].decode("utf-8", "replace"),
            )
        )
    return record if isinstance(record, dict) else {"custom_id": None, "error": f"not an object: {record!r}"}
