import attrs

from ..types import Model


@attrs.define(kw_only=True)
class ClassificationTargetResult(Model):
    scores: dict[str, float]
