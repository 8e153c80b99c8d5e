from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .batch_job_out import BatchJobOut

BatchJobsOutObject = Literal["list"]


@attrs.define(kw_only=True, eq=False, repr=False)
class BatchJobsOut(Model):
    data: list[BatchJobOut] | Unset = UNSET

    object: BatchJobsOutObject | str | Unset = UNSET

    total: int
