import attrs

from ..types import Model
from .document_out import DocumentOut
from .pagination_info import PaginationInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class ListDocumentOut(Model):
    pagination: PaginationInfo

    data: list[DocumentOut]
