import attrs

from ..types import Model
from .ft_classifier_loss_function import FTClassifierLossFunction


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassifierTargetOut(Model):
    name: str

    labels: list[str]

    weight: float

    loss_function: FTClassifierLossFunction | str
