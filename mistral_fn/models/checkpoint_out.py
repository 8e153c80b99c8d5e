import attrs

from ..types import Model
from .metric_out import MetricOut


@attrs.define(kw_only=True, eq=False, repr=False)
class CheckpointOut(Model):
    metrics: MetricOut

    step_number: int
    """The step number that the checkpoint was created at."""

    created_at: int
    """The UNIX timestamp (in seconds) for when the checkpoint was created."""
