from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class BatchRequest(Model):
    custom_id: str | None | Unset = UNSET

    body: dict[str, Any]
