from typing import Any

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class FunctionCall(Model):
    _closed = True  # additionalProperties: false

    name: str

    arguments: str | dict[str, Any]
