import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class OCRUsageInfo(Model):
    _closed = True  # additionalProperties: false

    pages_processed: int
    """Number of pages processed"""

    doc_size_bytes: int | None | Unset = UNSET
    """Document size in bytes"""
