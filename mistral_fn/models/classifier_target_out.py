import attrs

from ..types import Model
from .ft_classifier_loss_function import FTClassifierLossFunction


@attrs.define(kw_only=True)
class ClassifierTargetOut(Model):
    name: str

    labels: list[str]

    weight: float

    loss_function: FTClassifierLossFunction | str
