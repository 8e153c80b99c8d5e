import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class PaginationInfo(Model):
    total_items: int

    total_pages: int

    current_page: int

    page_size: int

    has_more: bool
