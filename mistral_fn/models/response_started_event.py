import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ResponseStartedEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["conversation.response.started"] = "conversation.response.started"

    created_at: datetime.datetime | Unset = UNSET

    conversation_id: str
