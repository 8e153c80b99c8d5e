from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class DocumentURLChunk(Model):
    _closed = True  # additionalProperties: false

    document_url: str

    document_name: str | None | Unset = UNSET
    """The filename of the document"""

    type: Literal["document_url"] = "document_url"
