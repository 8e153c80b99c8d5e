import datetime

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentAliasResponse(Model):
    _closed = True  # additionalProperties: false

    alias: str

    version: int

    created_at: datetime.datetime

    updated_at: datetime.datetime
