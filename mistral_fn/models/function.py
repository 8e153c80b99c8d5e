from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class Function(Model):
    _closed = True  # additionalProperties: false

    name: str

    description: str | Unset = UNSET

    strict: bool | Unset = UNSET

    parameters: dict[str, Any]
