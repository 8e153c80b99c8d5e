from typing import Literal

import attrs

from ..types import Model

OCRTableObjectFormat = Literal["markdown", "html"]


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRTableObject(Model):
    _closed = True  # additionalProperties: false

    id: str
    """Table ID for extracted table in a page"""

    content: str
    """Content of the table in the given format"""

    format: OCRTableObjectFormat | str
    """Format of the table"""
