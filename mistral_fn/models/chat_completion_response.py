import attrs

from ..types import Model
from .chat_completion_choice import ChatCompletionChoice
from .usage_info import UsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ChatCompletionResponse(Model):
    id: str

    object: str

    model: str

    usage: UsageInfo

    created: int

    choices: list[ChatCompletionChoice]
