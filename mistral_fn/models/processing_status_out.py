import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class ProcessingStatusOut(Model):
    document_id: str

    processing_status: str
