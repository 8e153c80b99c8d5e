import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ResponseErrorEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["conversation.response.error"] = "conversation.response.error"

    created_at: datetime.datetime | Unset = UNSET

    message: str

    code: int
