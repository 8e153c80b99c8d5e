from typing import Any

import attrs

from ..types import UNSET, Model, Unset
from .embedding_dtype import EmbeddingDtype
from .encoding_format import EncodingFormat


@attrs.define(kw_only=True, eq=False, repr=False)
class EmbeddingRequest(Model):
    _closed = True  # additionalProperties: false

    model: str
    """The ID of the model to be used for embedding."""

    metadata: dict[str, Any] | None | Unset = UNSET

    input: str | list[str]
    """The text content to be embedded, can be a string or an array of strings for fast processing in bulk."""

    output_dimension: int | None | Unset = UNSET
    """The dimension of the output embeddings when feature available. If not provided, a default output dimension
    will be used.
    """

    output_dtype: EmbeddingDtype | str | Unset = UNSET
    """The data type of the output embeddings when feature available. If not provided, a default output data type
    will be used.
    """

    encoding_format: EncodingFormat | str | Unset = UNSET
    """The format of embeddings in the response."""
