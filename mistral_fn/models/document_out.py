import datetime
from typing import Any

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class DocumentOut(Model):
    id: str

    library_id: str

    hash: str | None

    mime_type: str | None

    extension: str | None

    size: int | None

    name: str

    summary: str | None | Unset = UNSET

    created_at: datetime.datetime

    last_processed_at: datetime.datetime | None | Unset = UNSET

    number_of_pages: int | None | Unset = UNSET

    processing_status: str

    uploaded_by_id: str | None

    uploaded_by_type: str

    tokens_processing_main_content: int | None | Unset = UNSET

    tokens_processing_summary: int | None | Unset = UNSET

    url: str | None | Unset = UNSET

    attributes: dict[str, Any] | None | Unset = UNSET

    tokens_processing_total: int
