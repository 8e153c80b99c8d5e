import attrs

from ..types import Model
from .classification_target_result import ClassificationTargetResult


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassificationResponse(Model):
    id: str

    model: str

    results: list[dict[str, ClassificationTargetResult]]
