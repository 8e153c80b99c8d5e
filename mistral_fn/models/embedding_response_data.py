import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class EmbeddingResponseData(Model):
    object: str | Unset = UNSET

    embedding: list[float] | Unset = UNSET

    index: int | Unset = UNSET
