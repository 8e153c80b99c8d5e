"""Read a response into `Ok(model)` (a model, an `EventStream`, a `BinaryResponse`) or the precise `Err`."""

import json
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

from .. import errors
from ..result import Err, Ok, Result
from ..session import DEFAULT_MAX_RESPONSE_BYTES
from . import convert
from .binary import BinaryResponse
from .operation import Operation
from .redact import redact, redact_json, redacted_cause, safe_headers
from .transport import BodyReadError, BodyTooLarge, read_body

if TYPE_CHECKING:
    import requests

_log = logging.getLogger("mistral_fn")


def decode(
    op: Operation,
    response: "requests.Response",
    attempt_end: float,
    cancel: threading.Event | None,
    api_key: str,
    max_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    idle: float | None = None,
    strict: bool = False,
) -> Result[Any, Any]:
    """Classify a response: the success model, a streaming or binary body, or the matching error."""
    status = response.status_code
    if "x-model-deprecation-timestamp" in response.headers:
        _log.warning(
            "%s: the model used is deprecated and will be removed on %s",
            op.operation_id,
            response.headers["x-model-deprecation-timestamp"],
        )
    if 200 <= status < 300:
        model = op.ok.get(status, next(iter(op.ok.values()), None))
        if op.events is not None and not _is_json(response):
            from .streams import EventStream

            if idle is None:
                idle = max(attempt_end - time.monotonic(), 0.0) or 0.001
            stream: EventStream[Any] = EventStream(
                response, op.events, op.end_marker, cancel, api_key, op.collect_into, max_bytes, idle, strict
            )
            return Ok(stream)
        if model is BinaryResponse:
            return Ok(BinaryResponse(response, attempt_end, cancel))
    try:
        content = read_body(response, attempt_end, cancel, max_bytes)
    except BodyReadError as e:
        return Err(e.error)
    except BodyTooLarge as e:
        return Err(_too_large(op, response, e.limit, api_key))
    if 200 <= status < 300:
        if op.events is not None:  # a JSON body where events were asked for: most likely an error
            return Err(_json_for_a_stream(response, content, api_key))
        return _decode_success(model, response, content, api_key, strict)
    return Err(http_error(op, response, content, api_key))


def _is_json(response: "requests.Response") -> bool:
    return response.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json"


def _json_for_a_stream(response: "requests.Response", content: bytes, api_key: str) -> errors.ResponseValidationError:
    data: Any = None
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    said = _server_message(data) or _first_line(content.decode("utf-8", "replace"))
    message = "a stream was asked for, and the server answered application/json instead"
    return _response_invalid(f"{message}: {said}" if said else message, response, content, data, None, api_key)


def _too_large(op: Operation, response: "requests.Response", limit: int, api_key: str) -> errors.MistralError:
    what = f"the response body is larger than max_response_bytes={limit} (decoded); Session(max_response_bytes=...)"
    common: dict[str, Any] = {"status_code": response.status_code, "headers": safe_headers(response, api_key)}
    if 200 <= response.status_code < 300:
        return errors.ResponseValidationError(
            what, raw_value=None, cause=None, body="", raw_response=response, **common
        )
    message = f"{response.status_code} {response.reason or ''}".rstrip() + f": {what}"
    return errors.MistralError(redact(message, api_key), body="", raw_response=response, **common)


def _decode_success(
    model: Any, response: "requests.Response", content: bytes, api_key: str, strict: bool = False
) -> Result[Any, Any]:
    if model is None:
        return Ok(None)
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError) as e:  # RecursionError: nested too deep
        return Err(_response_invalid("the response body is not JSON", response, content, None, e, api_key))
    try:
        return Ok(convert.read(data, model, complete=strict))
    except convert.ConversionError as e:
        name = getattr(model, "__name__", str(model))
        return Err(_response_invalid(f"the response is not a {name}: {e}", response, content, data, e, api_key))


def _response_invalid(
    message: str,
    response: "requests.Response",
    content: bytes,
    data: Any,
    cause: BaseException | None,
    api_key: str,
) -> errors.ResponseValidationError:
    return errors.ResponseValidationError(
        redact(message, api_key),
        raw_value=redact_json(data, api_key),
        cause=redacted_cause(cause, api_key),
        status_code=response.status_code,
        headers=safe_headers(response, api_key),
        body=redact(content.decode("utf-8", "replace"), api_key),
        raw_response=response,
    )


def http_error(op: Operation, response: "requests.Response", content: bytes, api_key: str) -> errors.MistralError:
    """The error for a 4XX/5XX response, with the server's own message in ours."""
    status = response.status_code
    body = redact(content.decode("utf-8", "replace"), api_key)
    data: Any = None
    try:  # read from the masked text, so that no field made from it holds the key
        data = json.loads(body) if content else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        pass
    detail = _server_message(data) or _first_line(body)
    message = f"{status} {response.reason or ''}".rstrip()
    if detail:
        message += f": {detail}"
    message = redact(message, api_key)  # the reason phrase too
    common: dict[str, Any] = {"status_code": status, "headers": safe_headers(response, api_key), "body": body}
    common["raw_response"] = response
    if "retry-after" in response.headers:
        from .retries import parse_retry_after

        common["retry_after"] = parse_retry_after(response.headers["retry-after"])
    error_class = op.errors.get(status)
    if error_class is errors.HTTPValidationError and isinstance(data, dict):
        from ..models.validation_error import ValidationError

        try:
            details = convert.read(data.get("detail", []), list[ValidationError])
        except convert.ConversionError:
            return errors.MistralError(message, **common)
        return errors.HTTPValidationError(message, detail=details, **common)
    return errors.MistralError(message, **common)


def _server_message(data: Any) -> str | None:
    if isinstance(data, dict):
        for key in ("message", "detail", "error"):
            value = data.get(key)
            if isinstance(value, str):
                return value
            if isinstance(value, dict) and isinstance(value.get("message"), str):
                return str(value["message"])
            if isinstance(value, list) and value:
                return "; ".join(_describe_detail(item) for item in value[:5])
    return None


def _describe_detail(item: Any) -> str:
    if isinstance(item, dict) and "msg" in item:
        loc = ".".join(str(part) for part in item.get("loc", []))
        return f"{loc}: {item['msg']}" if loc else str(item["msg"])
    return str(item)


def _first_line(body: str) -> str:
    text = body.strip()
    return (text[:200] + "...") if len(text) > 200 else text
