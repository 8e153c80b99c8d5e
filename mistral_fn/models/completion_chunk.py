import attrs

from ..types import UNSET, Model, Unset
from .completion_response_stream_choice import CompletionResponseStreamChoice
from .usage_info import UsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionChunk(Model):
    id: str

    object: str | Unset = UNSET

    created: int | Unset = UNSET

    model: str

    usage: UsageInfo | Unset = UNSET

    choices: list[CompletionResponseStreamChoice]
