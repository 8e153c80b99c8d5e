from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class ReferenceChunk(Model):
    _closed = True  # additionalProperties: false

    reference_ids: list[int]

    type: Literal["reference"] = "reference"
