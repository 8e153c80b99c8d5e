import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassifierTrainingParameters(Model):
    training_steps: int | None | Unset = UNSET

    learning_rate: float | Unset = UNSET

    weight_decay: float | None | Unset = UNSET

    warmup_fraction: float | None | Unset = UNSET

    epochs: float | None | Unset = UNSET

    seq_len: int | None | Unset = UNSET
