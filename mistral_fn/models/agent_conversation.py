import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .metadata_dict import MetadataDict


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentConversation(Model):
    _closed = True  # additionalProperties: false

    name: str | None | Unset = UNSET
    """Name given to the conversation."""

    description: str | None | Unset = UNSET
    """Description of the what the conversation is about."""

    metadata: MetadataDict | None | Unset = UNSET
    """Custom metadata for the conversation."""

    object: Literal["conversation"] = "conversation"

    id: str

    created_at: datetime.datetime

    updated_at: datetime.datetime

    agent_id: str

    agent_version: str | int | None | Unset = UNSET
