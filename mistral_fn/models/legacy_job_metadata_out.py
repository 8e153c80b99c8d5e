from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class LegacyJobMetadataOut(Model):
    expected_duration_seconds: int | None | Unset = UNSET
    """The approximated time (in seconds) for the fine-tuning process to complete."""

    cost: float | None | Unset = UNSET
    """The cost of the fine-tuning job."""

    cost_currency: str | None | Unset = UNSET
    """The currency used for the fine-tuning job cost."""

    train_tokens_per_step: int | None | Unset = UNSET
    """The number of tokens consumed by one training step."""

    train_tokens: int | None | Unset = UNSET
    """The total number of tokens used during the fine-tuning process."""

    data_tokens: int | None | Unset = UNSET
    """The total number of tokens in the training dataset."""

    estimated_start_time: int | None | Unset = UNSET

    deprecated: bool | Unset = UNSET

    details: str

    epochs: float | None | Unset = UNSET
    """The number of complete passes through the entire training dataset."""

    training_steps: int | None | Unset = UNSET
    """The number of training steps to perform. A training step refers to a single update of the model weights
    during the fine-tuning process. This update is typically calculated using a batch of samples from the
    training dataset.
    """

    object: Literal["job.metadata"] = "job.metadata"
