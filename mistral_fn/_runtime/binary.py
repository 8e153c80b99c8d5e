"""`BinaryResponse`: a downloaded body, read as the caller asks for it."""

import os
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import errors
from .cancel import watch_stream
from .transport import classify_transport_error

if TYPE_CHECKING:
    import requests

_CHUNK = 64 * 1024
_TIMED_OUT = "timed out while reading the download (timeout_ms, or deadline_ms, passed)"


class BinaryResponse:
    """A downloaded body, read as you go: `iter_bytes()`, `read()`, `save(path)`; closes on exit.

    Reading is held to the call's time (the attempt's `timeout_ms`, cut to `deadline_ms`) and to its
    `cancel` event, as the rest of the call is: past it, the read raises `RequestTimeoutError` or
    `RequestAbortedError` and the connection is closed.
    """

    def __init__(
        self, response: "requests.Response", ends: float | None = None, cancel: threading.Event | None = None
    ) -> None:
        self.response = response
        self.headers = response.headers
        self.content_type: str | None = response.headers.get("content-type")
        self._ends = ends
        self._cancel = cancel

    def __repr__(self) -> str:
        return f"<BinaryResponse {self.content_type}>"

    def iter_bytes(self, chunk_size: int = _CHUNK) -> Iterator[bytes]:
        """The body in chunks as they arrive; a dropped connection raises `ConnectionError` (ours),
        the call's time running out `RequestTimeoutError`, its cancel event `RequestAbortedError`."""
        cancel = self._cancel
        stop_watching = watch_stream(self.response, cancel) if cancel is not None else None
        raw = self.response.raw
        try:
            while True:
                self._hold_to_the_end()
                chunk = raw.read1(chunk_size, decode_content=True)
                if cancel is not None and cancel.is_set():
                    raise errors.RequestAbortedError("cancelled while reading the download")
                if not chunk:
                    return
                yield chunk
        except errors.HTTPClientError:
            raise
        except Exception as e:
            if cancel is not None and cancel.is_set():
                raise errors.RequestAbortedError("cancelled while reading the download", cause=e) from e
            if self._ends is not None and time.monotonic() >= self._ends:
                raise errors.RequestTimeoutError(_TIMED_OUT, cause=e) from e
            raise classify_transport_error(e, None)[0] from e
        finally:
            if stop_watching is not None:
                stop_watching()
            self.response.close()

    def _hold_to_the_end(self) -> None:
        """Give the next socket read only the time the call has left."""
        if self._ends is None:
            return
        left = self._ends - time.monotonic()
        if left <= 0:
            raise errors.RequestTimeoutError(_TIMED_OUT)
        sock = getattr(getattr(self.response.raw, "connection", None), "sock", None)
        if sock is not None:
            sock.settimeout(left)

    def read(self) -> bytes:
        return b"".join(self.iter_bytes())

    def save(self, path: str | os.PathLike[str]) -> int:
        """Write the body to `path` without holding it in memory; returns the bytes written."""
        written = 0
        with open(path, "wb") as f:
            for chunk in self.iter_bytes():
                written += f.write(chunk)
        return written

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> "BinaryResponse":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
