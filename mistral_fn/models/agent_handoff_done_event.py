import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentHandoffDoneEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["agent.handoff.done"] = "agent.handoff.done"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    next_agent_id: str

    next_agent_name: str
