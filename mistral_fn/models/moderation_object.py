import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ModerationObject(Model):
    categories: dict[str, bool] | Unset = UNSET
    """Moderation result thresholds"""

    category_scores: dict[str, float] | Unset = UNSET
    """Moderation result"""
