import attrs

from ..types import UNSET, Model, Unset
from .usage_info import UsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ChatCompletionResponseBase(Model):
    id: str | Unset = UNSET

    object: str | Unset = UNSET

    model: str | Unset = UNSET

    usage: UsageInfo | Unset = UNSET

    created: int | Unset = UNSET
