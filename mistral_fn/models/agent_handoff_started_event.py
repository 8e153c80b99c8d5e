import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentHandoffStartedEvent(Model):
    _closed = True  # additionalProperties: false

    type: Literal["agent.handoff.started"] = "agent.handoff.started"

    created_at: datetime.datetime | Unset = UNSET

    output_index: int | Unset = UNSET

    id: str

    previous_agent_id: str

    previous_agent_name: str
