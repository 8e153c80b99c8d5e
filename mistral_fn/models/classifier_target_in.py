import attrs

from ..types import UNSET, Model, Unset
from .ft_classifier_loss_function import FTClassifierLossFunction


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassifierTargetIn(Model):
    name: str

    labels: list[str]

    weight: float | Unset = UNSET

    loss_function: FTClassifierLossFunction | str | None | Unset = UNSET
