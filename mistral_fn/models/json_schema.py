from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class JsonSchema(Model):
    _closed = True  # additionalProperties: false

    name: str

    description: str | None | Unset = UNSET

    schema: dict[str, Any]

    strict: bool | Unset = UNSET
