"""`EventStream`: server-sent events, parsed by `sse`. (`BinaryResponse`, for downloads, is in `binary`.)"""

import json
import threading
import time
from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .. import errors
from ..result import Err, Ok, Result
from . import convert, sse
from .accumulate import CompletionAccumulator, first_text
from .binary import BinaryResponse as BinaryResponse  # where the generated download operations import it
from .cancel import watch_stream
from .redact import redact, redact_json, redacted_cause, safe_headers
from .transport import classify_transport_error, iter_raw

if TYPE_CHECKING:
    import requests

E = TypeVar("E")


class _Source:
    """The response's bytes as they arrive, watching for `cancel` and naming a failure mid-stream."""

    def __init__(self, response: "requests.Response", cancel: threading.Event | None) -> None:
        self._response = response
        self._cancel = cancel

    def __iter__(self) -> Iterator[bytes]:
        cancel = self._cancel
        stop_watching = watch_stream(self._response, cancel) if cancel is not None else None
        try:
            for chunk in iter_raw(self._response):
                if cancel is not None and cancel.is_set():
                    raise errors.RequestAbortedError("cancelled during the stream")
                if chunk:
                    yield chunk
            if cancel is not None and cancel.is_set():  # the watcher shut the socket: not a real end
                raise errors.RequestAbortedError("cancelled during the stream")
        except errors.HTTPClientError:
            raise
        except Exception as e:
            if cancel is not None and cancel.is_set():
                raise errors.RequestAbortedError("cancelled during the stream", cause=e) from e
            error, _ = classify_transport_error(e, None)
            if isinstance(error, errors.ConnectionError):
                error = errors.ConnectionError(f"stream cut off: {error.message}", cause=e)
            raise error from e
        finally:
            if stop_watching is not None:
                stop_watching()

    def close(self) -> None:
        self._response.close()


_STREAM_ERRORS = (
    errors.MistralError,
    errors.ConnectionError,
    errors.RequestTimeoutError,
    errors.RequestAbortedError,
    errors.UnexpectedClientError,
)
"""`errors.StreamError` as a tuple for `except` (ResponseValidationError is a MistralError)."""


class EventStream(Generic[E]):
    """An iterator of structured events, and a context manager that closes the connection.

    Iteration ends at the end marker (`data: [DONE]`) or at the end of the response. A failure in
    the middle raises the matching error from the iterator; `results()` gives it as `Err` instead.
    Streams with an end marker (chat, fim, agents) that stop before it are an error. Streams without
    one (conversations, audio transcriptions) are an error when cut inside an event or a chunk; cut
    cleanly between two events, they end as if finished (their last event says whether they were).
    """

    def __init__(
        self,
        response: "requests.Response",
        event_type: Any,
        end_marker: str | None,
        cancel: threading.Event | None = None,
        api_key: str | None = None,
        collect_into: Any = None,
        max_event_bytes: int = sse.DEFAULT_MAX_EVENT_BYTES,
        idle_seconds: float | None = None,
        strict: bool = False,
    ) -> None:
        self._strict = strict
        self.response = response
        self.headers = response.headers
        self._event_type = event_type
        self._end_marker = end_marker
        self._api_key = api_key
        self._collect_into = collect_into
        self._max_event_bytes = max_event_bytes
        self._idle = idle_seconds
        self._last_event = time.monotonic()
        self._source = _Source(response, cancel)
        self._events = self._iterate()
        self._closed = False
        self._on_end: Callable[[BaseException | None], None] | None = None

    def __repr__(self) -> str:
        return f"<EventStream of {getattr(self._event_type, '__name__', self._event_type)}>"

    def __iter__(self) -> Iterator[E]:
        return self._events

    def __next__(self) -> E:
        return next(self._events)

    def __enter__(self) -> "EventStream[E]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._events.close()
            self._source.close()
            if self._on_end is not None:
                self._on_end(None)

    def watch(self, on_event: Callable[[E], None], on_end: Callable[[BaseException | None], None]) -> None:
        """Tell `on_event` of each event as it is read, and `on_end` of how the stream ended: the error
        it failed with, or None (read to its end, or closed). `on_end` may hear of an end twice."""
        inner = self._events

        def watched() -> Generator[E, None, None]:
            try:
                for event in inner:
                    on_event(event)
                    yield event
            except GeneratorExit:
                raise
            except BaseException as e:
                on_end(e)
                raise
            on_end(None)

        self._on_end = on_end
        self._events = watched()

    def results(self) -> Iterator[Result[E, errors.StreamError]]:
        """The events as `Ok(event)`, then at most one `Err(error)`; never raises."""
        try:
            for event in self:
                yield Ok(event)
        except _STREAM_ERRORS as e:
            yield Err(e)
        except Exception as e:  # noqa: BLE001 - any other failure, our own included, is unexpected mid-stream
            yield Err(errors.UnexpectedClientError(f"{type(e).__name__}: {e}", cause=e))

    def collect(self) -> Result[Any, errors.StreamError | errors.InvalidRequestError]:
        """Read the stream to its end and give the whole response (chat, fim and agents streams).

        Content is concatenated per choice, tool-call fragments merged by index, `finish_reason`
        and `usage` taken from the last events; a stream that fails or is cut off gives `Err`.
        """
        if self._collect_into is None:
            self.close()
            return Err(errors.InvalidRequestError("collect() is for chat, fim and agents completion streams"))
        accumulator = CompletionAccumulator()
        try:
            with self:
                for result in self.results():
                    if isinstance(result, Err):
                        return result
                    accumulator.add(convert.to_json(getattr(result.value, "data", result.value)))
            response = accumulator.response()
            return Ok(convert.read(response, self._collect_into))
        except convert.ConversionError as e:
            return Err(self._invalid(f"the collected stream is not a response: {e}", accumulator.response(), e))
        except RecursionError as e:
            return Err(self._invalid("an event is nested too deep to collect", "", e))
        except Exception as e:  # noqa: BLE001 - documented to return a Result
            return Err(errors.UnexpectedClientError(f"collect(): {type(e).__name__}: {e}", cause=e))

    def text(self) -> Result[str, errors.StreamError | errors.InvalidRequestError]:
        """Read the stream to its end and give the first choice's text."""
        collected = self.collect()
        if isinstance(collected, Err):
            return collected
        try:
            return Ok(first_text(collected.value), collected.meta)
        except Exception as e:  # noqa: BLE001 - documented to return a Result
            return Err(errors.UnexpectedClientError(f"text(): {type(e).__name__}: {e}", cause=e))

    def _iterate(self) -> Generator[E, None, None]:
        event_type = self._event_type
        hook = convert.reader_hook(event_type, complete=self._strict)
        # The spec's event models are SSE envelopes: `data` (the JSON payload) and, where declared, `event`.
        with_name = attrs.has(event_type) and "event" in attrs.fields_dict(event_type)
        end = self._end_marker
        source = self._source
        try:
            for name, data, complete in sse.parse(self._chunks(), self._max_event_bytes):
                if end is not None and data == end:
                    return  # the end marker, even without the blank line after it
                if not complete:  # the SSE rules drop an event the stream ends inside: never silently
                    raise errors.ConnectionError("stream cut off in the middle of an event")
                if name == "error":
                    raise self._error_event(data)
                try:
                    value = json.loads(data)
                except (ValueError, RecursionError) as e:
                    shown = redact(data, self._api_key)[:200]  # masked before the cut, which could halve the key
                    raise self._invalid(f"malformed event: {shown!r}", data, e) from e
                envelope = {"event": name, "data": value} if with_name else {"data": value}
                try:
                    event = hook(envelope, event_type)
                except convert.ConversionError as e:
                    error = self._invalid(f"event does not fit its model: {e}", value, e)
                    raise error from error.cause  # the redacted cause: `e` may quote the key
                except RecursionError as e:
                    raise self._invalid("an event is nested too deep to read", data, e) from e
                yield event
                self._last_event = time.monotonic()  # the caller's own time with the event is not idleness
        except sse.EventTooLarge as e:
            message = f"an event larger than max_response_bytes={e.limit} (Session(max_response_bytes=...))"
            raise self._invalid(message, "", e) from e
        except sse.NotUtf8 as e:
            raise self._invalid("an event is not UTF-8", e.line.decode("utf-8", "replace"), e) from e
        finally:
            source.close()
        if end is not None:
            raise errors.ConnectionError(f"stream ended without its end marker {end!r}")

    def _chunks(self) -> Iterator[bytes]:
        """The source's chunks, ending the stream when `idle_seconds` pass without an event."""
        chunks = iter(self._source)
        idle = self._idle
        while True:
            if idle is not None and time.monotonic() - self._last_event > idle:
                message = f"no event for {idle:.3f} s (the stream's idle limit): only comments or nothing"
                raise errors.RequestTimeoutError(message)
            chunk = next(chunks, None)
            if chunk is None:
                return
            yield chunk

    def _invalid(self, message: str, value: Any, cause: BaseException) -> errors.ResponseValidationError:
        return errors.ResponseValidationError(
            redact(message, self._api_key),
            raw_value=redact_json(value, self._api_key),
            cause=redacted_cause(cause, self._api_key),
            status_code=self.response.status_code,
            headers=safe_headers(self.response, self._api_key),
            body=redact(value if isinstance(value, str) else json.dumps(value), self._api_key)[:2000],
            raw_response=self.response,
        )

    def _error_event(self, data: str) -> errors.MistralError:
        message = data
        try:
            payload = json.loads(data)
            if isinstance(payload, dict):
                inner = payload.get("error", payload)
                message = str(inner.get("message", data)) if isinstance(inner, dict) else str(inner)
        except ValueError:
            pass
        return errors.MistralError(
            f"error event in the stream: {redact(message, self._api_key)}",
            status_code=self.response.status_code,
            headers=safe_headers(self.response, self._api_key),
            body=redact(data, self._api_key),
            raw_response=self.response,
        )
