import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .conversation_usage_info import ConversationUsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ResponseDoneEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["conversation.response.done"] = "conversation.response.done"

    created_at: datetime.datetime | Unset = UNSET

    usage: ConversationUsageInfo
