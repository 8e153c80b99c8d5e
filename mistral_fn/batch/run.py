"""`BatchRun`: what a submission made (its jobs and which requests each holds), as plain data.

It round-trips through JSON, so one process can submit and another collect:
`BatchRun.from_json(run.to_json()) == run`.
"""

import json
from typing import Any

import attrs

FINISHED = frozenset({"SUCCESS", "FAILED", "TIMEOUT_EXCEEDED", "CANCELLED", "FAILED_VALIDATION"})
"""Job statuses after which nothing changes (the spec's, and FAILED_VALIDATION, which the API sends)."""


@attrs.frozen
class BatchJob:
    """One batch job: requests `start` to `start + count - 1` of the submission, in one input file."""

    job_id: str
    input_file: str
    start: int
    count: int
    custom_ids: tuple[str, ...] | None = None
    """The requests' custom ids in input order, kept only where the caller gave some; else the
    custom id of request `i` is `str(i)`."""
    status: str | None = None
    output_file: str | None = None
    error_file: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def custom_id(self, position: int) -> str:
        """The custom id of this job's `position`-th request."""
        return self.custom_ids[position] if self.custom_ids is not None else str(self.start + position)

    def position_of(self) -> "dict[str, int] | None":
        """custom id -> position, where the caller gave the ids (else the id is the index itself)."""
        return None if self.custom_ids is None else {cid: i for i, cid in enumerate(self.custom_ids)}


@attrs.frozen
class BatchRun:
    """A submission: the endpoint, the model, and its jobs in input order."""

    endpoint: str
    model: str | None
    jobs: tuple[BatchJob, ...]
    metadata: dict[str, str] | None = None
    agent_id: str | None = None

    @property
    def job_ids(self) -> list[str]:
        return [job.job_id for job in self.jobs]

    @property
    def total(self) -> int:
        """How many requests the run holds."""
        return sum(job.count for job in self.jobs)

    @property
    def finished(self) -> bool:
        return all(job.finished for job in self.jobs)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "BatchRun":
        jobs = []
        for job in data["jobs"]:
            ids = job.get("custom_ids")
            jobs.append(BatchJob(**{**job, "custom_ids": None if ids is None else tuple(ids)}))
        return cls(
            endpoint=data["endpoint"],
            model=data.get("model"),
            jobs=tuple(jobs),
            metadata=data.get("metadata"),
            agent_id=data.get("agent_id"),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> "BatchRun":
        return cls.from_dict(json.loads(text))
