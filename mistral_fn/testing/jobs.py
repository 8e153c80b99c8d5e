"""Job life cycles: batch jobs and fine-tuning jobs go QUEUED -> RUNNING -> SUCCESS; cancel -> CANCELLED.

Time advances by request, not by the clock, so tests are fast and repeatable: each GET of a job
moves it one step (the first GET sees RUNNING, the second SUCCESS), unless the server was made with
`MockServer(auto_advance_jobs=False)`; `mock.advance_jobs(n)` (or POST /__mock__/jobs/advance) moves
every job n steps. A batch job's last step answers each input line with the mock's own answer for
its endpoint (chat, embeddings, FIM, moderation, OCR...) and writes the output file:

    {"id": "...", "custom_id": "0", "response": {"status_code": 200, "body": {...}}, "error": null}

one line per input line that succeeded, in input order; lines that fail (a body that does not fit the
endpoint) go to the error file in the same shape with their 4XX status and error body.
"""

import json
from typing import Any, Protocol

from .._runtime import convert
from .._runtime.invoke import Operation
from . import fakes
from .replies import Script
from .shapes import shape


class Store(Protocol):
    """What jobs need of state.Store (a protocol, so this module does not import state)."""

    auto_advance: bool
    contents: dict[str, bytes]

    def get(self, concrete: str, key: str) -> dict[str, Any]: ...
    def require(self, concrete: str, key: str) -> dict[str, Any]: ...
    def put(self, concrete: str, item: dict[str, Any], key: str | None = None) -> dict[str, Any]: ...
    def new_file(self, filename: str, content: bytes, purpose: str) -> dict[str, Any]: ...
    def run_request(self, endpoint: str, body: Any) -> tuple[int, Any]: ...


_BATCH = "/v1/batch/jobs"
_FINE_TUNING = "/v1/fine_tuning/jobs"
FINISHED = frozenset({"SUCCESS", "FAILED", "FAILED_VALIDATION", "TIMEOUT_EXCEEDED", "CANCELLED"})


def _shape(op: Operation, job: dict[str, Any]) -> Any:
    model = next(iter(op.ok.values()))
    return shape(model, job) if not hasattr(model, "__metadata__") else _union_shape(model, job)


def _union_shape(model: Any, job: dict[str, Any]) -> Any:
    """A fine-tuning job as the member of the response union its job_type names."""
    tagged = next(m for m in model.__metadata__ if hasattr(m, "mapping"))
    return shape(tagged.mapping[job.get("job_type") or "completion"], job)


# -- batch -----------------------------------------------------------------------------------
def batch_create(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    lines: list[dict[str, Any]] = []
    for file_id in body.get("input_files") or ():
        store.require("/v1/files", file_id)
        lines.extend(_jsonl(store.contents.get(file_id, b"")))
    lines.extend(r if isinstance(r, dict) else {"body": r} for r in body.get("requests") or ())
    job = {
        "id": fakes.new_id(),
        "object": "batch",
        "input_files": list(body.get("input_files") or []),
        "metadata": body.get("metadata"),
        "endpoint": body["endpoint"],
        "model": body.get("model"),
        "agent_id": body.get("agent_id"),
        "output_file": None,
        "error_file": None,
        "errors": [],
        "outputs": None,
        "status": "QUEUED",
        "created_at": fakes.now(),
        "total_requests": len(lines),
        "completed_requests": 0,
        "succeeded_requests": 0,
        "failed_requests": 0,
        "started_at": None,
        "completed_at": None,
    }
    store.put(_BATCH, job)
    store.put(f"{_BATCH}/{job['id']}/lines", {"lines": lines, "inline": bool(body.get("requests"))}, "input")
    return 200, _shape(op, job)


def batch_get(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    job = store.get(_BATCH, path["job_id"])
    if store.auto_advance:
        advance_batch(store, job)
    return 200, _shape(op, job)


def batch_cancel(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    job = store.get(_BATCH, path["job_id"])
    if job["status"] not in FINISHED:
        job.update(status="CANCELLED", completed_at=fakes.now())
    return 200, _shape(op, job)


def advance_batch(store: Store, job: dict[str, Any]) -> None:
    if job["status"] == "QUEUED":
        job.update(status="RUNNING", started_at=fakes.now())
    elif job["status"] == "RUNNING":
        _run_batch(store, job)
    elif job["status"] == "CANCELLATION_REQUESTED":
        job.update(status="CANCELLED", completed_at=fakes.now())


def _run_batch(store: Store, job: dict[str, Any]) -> None:
    saved = store.get(f"{_BATCH}/{job['id']}/lines", "input")
    done: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for n, line in enumerate(saved["lines"]):
        body = dict(line.get("body") or {})
        if job.get("model") and "model" not in body:
            body["model"] = job["model"]
        if job.get("agent_id") and "agent_id" not in body:
            body["agent_id"] = job["agent_id"]
        status, answer = store.run_request(job["endpoint"], body)
        record = {
            "id": f"batch-{job['id'][:8]}-{n}",
            "custom_id": line.get("custom_id"),
            "response": {"status_code": status, "body": answer},
            "error": None if status < 400 else {"message": json.dumps(answer), "code": status},
        }
        (done if status < 400 else failed).append(record)
    job.update(
        status="SUCCESS",
        completed_at=fakes.now(),
        completed_requests=len(done) + len(failed),
        succeeded_requests=len(done),
        failed_requests=len(failed),
    )
    if done:
        job["output_file"] = store.new_file(f"{job['id']}.jsonl", _dump(done), "batch")["id"]
    if failed:
        job["error_file"] = store.new_file(f"{job['id']}_error.jsonl", _dump(failed), "batch")["id"]
    if saved["inline"]:
        job["outputs"] = done + failed


def _jsonl(content: bytes) -> list[dict[str, Any]]:
    lines = []
    for raw in content.splitlines():
        if raw.strip():
            try:
                value = json.loads(raw)
            except ValueError:
                value = {"body": None, "custom_id": None}
            lines.append(value if isinstance(value, dict) else {"body": value})
    return lines


def _dump(records: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


# -- fine-tuning -----------------------------------------------------------------------------
def fine_tuning_create(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    for training in body.get("training_files") or ():
        store.require("/v1/files", training["file_id"] if isinstance(training, dict) else str(training))
    for file_id in body.get("validation_files") or ():
        store.require("/v1/files", file_id)
    job_type = body.get("job_type") or "completion"
    job = {
        "id": fakes.new_id(),
        "object": "job",
        "job_type": job_type,
        "auto_start": body.get("auto_start", True) is not False,
        "model": body.get("model"),
        "status": "QUEUED",
        "created_at": fakes.now(),
        "modified_at": fakes.now(),
        "training_files": [t["file_id"] if isinstance(t, dict) else t for t in body.get("training_files") or ()],
        "validation_files": list(body.get("validation_files") or []),
        "fine_tuned_model": None,
        "suffix": body.get("suffix"),
        "integrations": body.get("integrations") or [],
        "trained_tokens": None,
        "metadata": None,
        "hyperparameters": convert.to_json(body.get("hyperparameters") or {}) or {},
        "repositories": body.get("repositories") or [],
    }
    if job_type == "classifier":
        job["classifier_targets"] = body.get("classifier_targets") or []
    made = _shape(op, job)
    if "dry_run" in query and query["dry_run"][0] == "true":
        return 200, made  # validated, not kept (the API answers a cost estimate here)
    store.put(_FINE_TUNING, job)
    return 200, made


def fine_tuning_get(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    job = store.get(_FINE_TUNING, path["job_id"])
    if store.auto_advance:
        advance_fine_tuning(store, job)
    return 200, _shape(op, job)


def fine_tuning_cancel(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    job = store.get(_FINE_TUNING, path["job_id"])
    if job["status"] not in FINISHED:
        job.update(status="CANCELLED", modified_at=fakes.now())
    return 200, _shape(op, job)


def fine_tuning_start(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    job = store.get(_FINE_TUNING, path["job_id"])
    if job["status"] == "VALIDATED":
        job.update(status="QUEUED", modified_at=fakes.now())
    return 200, _shape(op, job)


def advance_fine_tuning(store: Store, job: dict[str, Any]) -> None:
    """QUEUED -> RUNNING -> SUCCESS; a job made with auto_start false waits at VALIDATED for start."""
    status = job["status"]
    if status == "QUEUED" and not job["auto_start"] and job.get("_validated") is None:
        job.update(status="VALIDATED", _validated=True)
    elif status == "QUEUED":
        job.update(status="RUNNING")
    elif status == "RUNNING":
        suffix = job.get("suffix") or "mock"
        name = f"ft:{job['model']}:{job['id'][:8]}:{suffix}:{job['id'][-8:]}"
        job.update(status="SUCCESS", fine_tuned_model=name, trained_tokens=1000)
        store.put("/v1/models", _fine_tuned_card(name, job), name)
    elif status == "CANCELLATION_REQUESTED":
        job.update(status="CANCELLED")
    job["modified_at"] = fakes.now()


def _fine_tuned_card(name: str, job: dict[str, Any]) -> dict[str, Any]:
    capabilities = {
        "completion_chat": job["job_type"] == "completion",
        "classification": job["job_type"] == "classifier",
    }
    return {
        "id": name,
        "object": "model",
        "created": fakes.now(),
        "owned_by": "mock",
        "capabilities": {**capabilities, "function_calling": False, "fine_tuning": False, "vision": False},
        "name": name,
        "description": None,
        "max_context_length": 32768,
        "aliases": [],
        "deprecation": None,
        "type": "fine-tuned",
        "job": job["id"],
        "root": job["model"],
        "archived": False,
    }
