"""Embeddings: POST /v1/embeddings."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.embedding_dtype import EmbeddingDtype
from ..models.embedding_request import EmbeddingRequest
from ..models.embedding_response import EmbeddingResponse
from ..models.encoding_format import EncodingFormat
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

EmbeddingsCreateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="embeddings_v1_embeddings_post",
    method="POST",
    path="/v1/embeddings",
    body=EmbeddingRequest,
    ok={200: EmbeddingResponse},
    errors={422: HTTPValidationError},
)
"""What `embeddings_create` sends and expects back."""


def embeddings_create(
    session: Session,
    *,
    model: str,
    input: str | Sequence[str],
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    output_dimension: int | None | Unset = UNSET,
    output_dtype: EmbeddingDtype | str | Unset = UNSET,
    encoding_format: EncodingFormat | str | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[EmbeddingResponse, EmbeddingsCreateError]:
    """Embeddings.

    Args:
        model: The ID of the model to be used for embedding.
        input: The text content to be embedded, can be a string or an array of strings for fast processing in bulk.
        output_dimension: The dimension of the output embeddings when feature available. If not provided, a default
            output dimension will be used.
        output_dtype: The data type of the output embeddings when feature available. If not provided, a default
            output data type will be used. Default: "float".
        encoding_format: The format of embeddings in the response. Default: "float".
    """
    body = {
        "model": model,
        "metadata": metadata,
        "input": input,
        "output_dimension": output_dimension,
        "output_dtype": output_dtype,
        "encoding_format": encoding_format,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
