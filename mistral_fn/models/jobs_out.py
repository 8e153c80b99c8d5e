from typing import Annotated, Any, Literal

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .classifier_job_out import ClassifierJobOut
from .completion_job_out import CompletionJobOut

JobsOutData = Annotated[
    CompletionJobOut | ClassifierJobOut | dict[str, Any],
    Discriminator("job_type", {"classifier": ClassifierJobOut, "completion": CompletionJobOut}),
]

JobsOutObject = Literal["list"]


@attrs.define(kw_only=True, eq=False, repr=False)
class JobsOut(Model):
    data: list[JobsOutData] | Unset = UNSET

    object: JobsOutObject | str | Unset = UNSET

    total: int
