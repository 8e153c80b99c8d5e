import attrs

from ..types import Model
from .classification_target_result import ClassificationTargetResult


@attrs.define(kw_only=True)
class ClassificationResponse(Model):
    id: str

    model: str

    results: list[dict[str, ClassificationTargetResult]]
