import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentHandoffEntry(Model):
    _closed = True  # additionalProperties: false

    object: Literal["entry"] = "entry"

    type: Literal["agent.handoff"] = "agent.handoff"

    created_at: datetime.datetime | Unset = UNSET

    completed_at: datetime.datetime | None | Unset = UNSET

    id: str | Unset = UNSET

    previous_agent_id: str

    previous_agent_name: str

    next_agent_id: str

    next_agent_name: str
