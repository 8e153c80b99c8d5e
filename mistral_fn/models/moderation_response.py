import attrs

from ..types import Model
from .moderation_object import ModerationObject


@attrs.define(kw_only=True, eq=False, repr=False)
class ModerationResponse(Model):
    id: str

    model: str

    results: list[ModerationObject]
