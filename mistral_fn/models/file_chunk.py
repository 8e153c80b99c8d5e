from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class FileChunk(Model):
    _closed = True  # additionalProperties: false

    type: Literal["file"] = "file"

    file_id: str
