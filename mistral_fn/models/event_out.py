from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class EventOut(Model):
    name: str
    """The name of the event."""

    data: dict[str, Any] | None | Unset = UNSET

    created_at: int
    """The UNIX timestamp (in seconds) of the event."""
