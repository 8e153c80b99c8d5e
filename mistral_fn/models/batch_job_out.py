from typing import Any, Literal

import attrs

from ..types import UNSET, Model, Unset
from .batch_error import BatchError
from .batch_job_status import BatchJobStatus

BatchJobOutObject = Literal["batch"]


@attrs.define(kw_only=True, eq=False, repr=False)
class BatchJobOut(Model):
    id: str

    object: BatchJobOutObject | str | Unset = UNSET

    input_files: list[str]

    metadata: dict[str, Any] | None | Unset = UNSET

    endpoint: str

    model: str | None | Unset = UNSET

    agent_id: str | None | Unset = UNSET

    output_file: str | None | Unset = UNSET

    error_file: str | None | Unset = UNSET

    errors: list[BatchError]

    outputs: list[dict[str, Any]] | None | Unset = UNSET

    status: BatchJobStatus | str

    created_at: int

    total_requests: int

    completed_requests: int

    succeeded_requests: int

    failed_requests: int

    started_at: int | None | Unset = UNSET

    completed_at: int | None | Unset = UNSET
