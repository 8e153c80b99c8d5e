import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class JobMetadataOut(Model):
    expected_duration_seconds: int | None | Unset = UNSET

    cost: float | None | Unset = UNSET

    cost_currency: str | None | Unset = UNSET

    train_tokens_per_step: int | None | Unset = UNSET

    train_tokens: int | None | Unset = UNSET

    data_tokens: int | None | Unset = UNSET

    estimated_start_time: int | None | Unset = UNSET
