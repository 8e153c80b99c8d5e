"""OCR: POST /v1/ocr."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.ocr_request import OCRRequest, OCRRequestDocument, OCRRequestTableFormat
from ..models.ocr_response import OCRResponse
from ..models.response_format import ResponseFormat
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

OcrProcessError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="ocr_v1_ocr_post",
    method="POST",
    path="/v1/ocr",
    body=OCRRequest,
    ok={200: OCRResponse},
    errors={422: HTTPValidationError},
)
"""What `ocr_process` sends and expects back."""


def ocr_process(
    session: Session,
    *,
    model: str | None,
    document: OCRRequestDocument | Mapping[str, Any],
    id: str | Unset = UNSET,
    pages: Sequence[int] | None | Unset = UNSET,
    include_image_base64: bool | None | Unset = UNSET,
    image_limit: int | None | Unset = UNSET,
    image_min_size: int | None | Unset = UNSET,
    bbox_annotation_format: ResponseFormat | Mapping[str, Any] | None | Unset = UNSET,
    document_annotation_format: ResponseFormat | Mapping[str, Any] | None | Unset = UNSET,
    document_annotation_prompt: str | None | Unset = UNSET,
    table_format: OCRRequestTableFormat | str | None | Unset = UNSET,
    extract_header: bool | Unset = UNSET,
    extract_footer: bool | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[OCRResponse, OcrProcessError]:
    """OCR.

    Args:
        document: Document to run OCR on
        pages: Specific pages user wants to process in various formats: single number, range, or list of both.
            Starts from 0
        include_image_base64: Include image URLs in response
        image_limit: Max images to extract
        image_min_size: Minimum height and width of image to extract
        bbox_annotation_format: Structured output class for extracting useful information from each extracted
            bounding box / image from document. Only json_schema is valid for this field
        document_annotation_format: Structured output class for extracting useful information from the entire
            document. Only json_schema is valid for this field
        document_annotation_prompt: Optional prompt to guide the model in extracting structured output from the
            entire document. A document_annotation_format must be provided.
        extract_header: Default: False.
        extract_footer: Default: False.
    """
    body = {
        "model": model,
        "id": id,
        "document": document,
        "pages": pages,
        "include_image_base64": include_image_base64,
        "image_limit": image_limit,
        "image_min_size": image_min_size,
        "bbox_annotation_format": bbox_annotation_format,
        "document_annotation_format": document_annotation_format,
        "document_annotation_prompt": document_annotation_prompt,
        "table_format": table_format,
        "extract_header": extract_header,
        "extract_footer": extract_footer,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
