"""The runtime's vocabulary: what an operation is (`Operation`, `Pages`), the per-call options (`Call`)
and what one attempt gave (`Outcome`).

Every generated operation module declares an `Operation`; every runtime module speaks of these
three. This module imports nothing of the runtime, so that all of them can import it.
"""

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import MistralError
from ..result import Result
from ..session import RetryConfig

if TYPE_CHECKING:
    import requests


@dataclass(frozen=True, slots=True)
class Operation:
    """What one operation sends and what it expects back; declared once per operation module."""

    operation_id: str
    method: str
    path: str
    ok: Mapping[int, Any]
    """Success status -> model of the body (`None`: no body; `BinaryResponse`: raw bytes)."""
    errors: Mapping[int, type[MistralError]] = field(default_factory=dict)
    body: Any = None
    """Model the keyword arguments of the request body are checked against."""
    files: frozenset[str] = frozenset()
    """Body properties that are uploads; when any, the body is multipart/form-data."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """Path and query parameter -> type, for checking the caller's values."""
    json_query: frozenset[str] = frozenset()
    """Query parameters the spec sends as compact JSON (`content: application/json`)."""
    accept: str = "application/json"
    events: Any = None
    """Model of one event, for streaming operations."""
    end_marker: str | None = None
    """The `data:` payload that ends the stream (`[DONE]`), where the API sends one."""
    collect_into: Any = None
    """Response model `EventStream.collect()` rebuilds from a completion stream (chat, fim, agents)."""
    creates: bool = False
    """A POST that makes a new resource: retried only where the request cannot have taken effect."""
    pages: "Pages | None" = None
    """Set on list operations that page (`page` and `page_size` query parameters): how to walk them."""


@dataclass(frozen=True, slots=True)
class Pages:
    """How a list operation pages: `page` counts from 0, `page_size` items per page."""

    items: str | None = None
    """The response attribute holding one page's items; None where the response is the list itself."""
    total: str | None = None
    """Dotted path of the response attribute counting the items of all pages, where there is one
    (`total`, `pagination.total_items`); it may still be `UNSET` or `None` in a given response."""
    page_size: int | None = None
    """The page size the server uses when `page_size` is left out (the spec's default)."""


class Call(NamedTuple):
    """The per-call options every operation accepts."""

    retries: RetryConfig | None = None
    timeout_ms: int | None = None
    server_url: str | None = None
    http_headers: Mapping[str, str] | None = None
    cancel: threading.Event | None = None
    deadline_ms: int | None = None


class Outcome(NamedTuple):
    """One attempt's result, with what retry decisions need to know about it."""

    result: Result[Any, Any]
    response: "requests.Response | None"
    connected: bool
    """False where no connection was made, so the request cannot have taken effect."""

    @property
    def error(self) -> BaseException | None:
        return None if self.result.ok else self.result.error  # type: ignore[union-attr]
