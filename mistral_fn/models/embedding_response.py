import attrs

from ..types import Model
from .embedding_response_data import EmbeddingResponseData
from .usage_info import UsageInfo


@attrs.define(kw_only=True, eq=False, repr=False)
class EmbeddingResponse(Model):
    id: str

    object: str

    model: str

    usage: UsageInfo

    data: list[EmbeddingResponseData]
