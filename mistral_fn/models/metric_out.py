import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class MetricOut(Model):
    """Metrics at the step number during the fine-tuning job. Use these metrics to assess if the training is going
    smoothly (loss should decrease, token accuracy should increase).
    """

    train_loss: float | None | Unset = UNSET

    valid_loss: float | None | Unset = UNSET

    valid_mean_token_accuracy: float | None | Unset = UNSET
