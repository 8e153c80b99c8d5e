"""Read a response into `Ok(model)` or the precise `Err`, and name transport failures."""

import json
import logging
import sys
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import errors
from ..result import Err, Ok, Result
from . import convert
from .redact import redact, redact_json

if TYPE_CHECKING:
    import requests

    from .invoke import Operation

_log = logging.getLogger("mistral_fn")
_READ_CHUNK = 64 * 1024


class BodyReadError(Exception):
    """Reading the body failed part-way; `error` is what the call returns."""

    def __init__(self, error: errors.HTTPClientError) -> None:
        super().__init__(error.message)
        self.error = error


def read_body(response: "requests.Response", attempt_end: float, cancel: threading.Event | None) -> bytes:
    """The whole body, within the attempt's time and honouring `cancel`. Raises `BodyReadError`."""
    chunks = []
    try:
        for chunk in iter_raw(response):
            chunks.append(chunk)
            if time.monotonic() > attempt_end:
                raise BodyReadError(errors.RequestTimeoutError("timed out while reading the response body"))
            if cancel is not None and cancel.is_set():
                raise BodyReadError(errors.RequestAbortedError("cancelled while reading the response body"))
    except BodyReadError:
        response.close()
        raise
    except Exception as e:
        response.close()
        error, _ = classify_transport_error(e, None)
        raise BodyReadError(error) from e
    return b"".join(chunks)


def iter_raw(response: "requests.Response") -> Iterator[bytes]:
    """The body as it arrives: each chunk (chunked encoding) or each socket read, never waiting to fill."""
    raw = response.raw
    if raw.chunked:
        yield from raw.stream(None, decode_content=True)
    else:
        while chunk := raw.read1(_READ_CHUNK, decode_content=True):
            yield chunk


def decode(
    op: "Operation",
    response: "requests.Response",
    attempt_end: float,
    cancel: threading.Event | None,
    api_key: str,
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
        if op.events is not None:
            from .streams import EventStream

            return Ok(EventStream(response, op.events, op.end_marker, cancel, api_key, op.collect_into))
        # Only an operation whose module imported streams can name BinaryResponse: a JSON
        # operation need not load streams (and sseclient) to find out it is not one.
        streams = sys.modules.get(f"{__package__}.streams")
        if streams is not None and model is streams.BinaryResponse:
            return Ok(streams.BinaryResponse(response))
    try:
        content = read_body(response, attempt_end, cancel)
    except BodyReadError as e:
        return Err(e.error)
    if 200 <= status < 300:
        return _decode_success(model, response, content, api_key)
    return Err(http_error(op, response, content, api_key))


def _decode_success(model: Any, response: "requests.Response", content: bytes, api_key: str) -> Result[Any, Any]:
    if model is None:
        return Ok(None)
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError) as e:  # RecursionError: nested too deep
        return Err(_response_invalid("the response body is not JSON", response, content, None, e, api_key))
    try:
        return Ok(convert.read(data, model))
    except convert.ConversionError as e:
        name = getattr(model, "__name__", str(model))
        return Err(_response_invalid(f"the response is not a {name}: {e}", response, content, data, e, api_key))


def _response_invalid(
    message: str,
    response: "requests.Response",
    content: bytes,
    data: Any,
    cause: BaseException,
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


def safe_headers(response: "requests.Response", api_key: str | None) -> Any:
    """The response's headers, or a copy with the key masked where the server echoed it in one."""
    headers = response.headers
    if api_key and any(redact(f"{k}: {v}", api_key) != f"{k}: {v}" for k, v in headers.items()):
        from requests.structures import CaseInsensitiveDict

        return CaseInsensitiveDict({redact(k, api_key): redact(v, api_key) for k, v in headers.items()})
    return headers


def redacted_cause(cause: BaseException, api_key: str | None) -> BaseException:
    """`cause`, or a copy without the key where a conversion error quotes a value that holds it."""
    if isinstance(cause, convert.ConversionError) and redact(cause.problem, api_key) != cause.problem:
        clean = convert.ConversionError(redact(cause.problem, api_key))
        clean.path = list(cause.path)
        return clean
    return cause


def http_error(op: "Operation", response: "requests.Response", content: bytes, api_key: str) -> errors.MistralError:
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


def classify_transport_error(e: BaseException, timeout: float | None) -> tuple[errors.HTTPClientError, bool]:
    """The error class for a failure before any response came back, and whether a connection was made."""
    import requests
    import urllib3.exceptions as u3

    from .encode import SourceChanged

    if isinstance(e, SourceChanged):  # the upload's file changed under us: cut off, the caller's error
        return errors.InvalidRequestError(str(e), cause=e), True
    reason = e.args[0] if e.args else None
    inner = getattr(reason, "reason", reason)
    waited = f" after {timeout:.3f} s" if timeout is not None else ""
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return errors.RequestTimeoutError(f"timed out connecting{waited}", cause=e), False
    if isinstance(e, (requests.exceptions.ReadTimeout, u3.ReadTimeoutError, TimeoutError)) or isinstance(
        inner, u3.ReadTimeoutError
    ):
        return errors.RequestTimeoutError(f"timed out waiting for the response{waited}", cause=e), True
    if isinstance(inner, u3.ProtocolError) and any(isinstance(a, TimeoutError) for a in inner.args):
        # ProtocolError('Connection aborted.', TimeoutError()): the server stopped reading the body.
        return errors.RequestTimeoutError(f"timed out sending the request{waited}", cause=e), True
    if isinstance(e, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema)) or isinstance(
        e, requests.exceptions.InvalidSchema
    ):
        return errors.InvalidRequestError(f"invalid server URL: {e}", cause=e), False
    if isinstance(e, requests.exceptions.ProxyError):
        return errors.ConnectionError(f"could not connect through the proxy: {_plain(inner)}", cause=e), False
    if isinstance(e, requests.exceptions.SSLError):
        return errors.ConnectionError(f"TLS error: {e}", cause=e), False
    if isinstance(e, requests.exceptions.ConnectionError) or isinstance(e, (u3.HTTPError, OSError)):
        never_connected = isinstance(inner, (u3.NewConnectionError, u3.NameResolutionError, ConnectionRefusedError))
        if never_connected:
            return errors.ConnectionError(f"could not connect: {_plain(inner)}", cause=e), False
        return errors.ConnectionError(f"connection dropped: {_plain(inner or e)}", cause=e), True
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return errors.ConnectionError(f"connection dropped: {e}", cause=e), True
    return errors.UnexpectedClientError(f"{type(e).__name__}: {e}", cause=e), True


def _plain(e: object) -> str:
    text = str(e)
    # urllib3 wraps the reason as "<urllib3.connection.HTTPConnection object at 0x...>: Failed to ..."
    return text.split(">: ", 1)[-1]
