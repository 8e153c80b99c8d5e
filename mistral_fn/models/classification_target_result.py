import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassificationTargetResult(Model):
    scores: dict[str, float]
