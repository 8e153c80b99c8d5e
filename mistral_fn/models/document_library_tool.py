from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class DocumentLibraryTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["document_library"] = "document_library"

    library_ids: list[str]
    """Ids of the library in which to search."""
