from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassificationRequest(Model):
    _closed = True  # additionalProperties: false

    model: str
    """ID of the model to use."""

    metadata: dict[str, Any] | None | Unset = UNSET

    input: str | list[str]
    """Text to classify."""
