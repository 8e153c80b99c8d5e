"""`BinaryResponse`: a downloaded body, read as the caller asks for it."""

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .transport import classify_transport_error

if TYPE_CHECKING:
    import requests

_CHUNK = 64 * 1024


class BinaryResponse:
    """A downloaded body, read as you go: `iter_bytes()`, `read()`, `save(path)`; closes on exit."""

    def __init__(self, response: "requests.Response") -> None:
        self.response = response
        self.headers = response.headers
        self.content_type: str | None = response.headers.get("content-type")

    def __repr__(self) -> str:
        return f"<BinaryResponse {self.content_type}>"

    def iter_bytes(self, chunk_size: int = _CHUNK) -> Iterator[bytes]:
        """The body in chunks; a dropped connection raises `ConnectionError` (ours)."""
        try:
            yield from self.response.iter_content(chunk_size)
        except Exception as e:
            raise classify_transport_error(e, None)[0] from e
        finally:
            self.response.close()

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
