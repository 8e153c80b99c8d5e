"""The runtime's vocabulary: what an operation is (`Operation`, `Pages`), the per-call options (`Call`)
and what one attempt gave (`Outcome`).

Every generated operation module declares an `Operation`; every runtime module speaks of these
three. This module imports nothing of the runtime, so that all of them can import it.
"""

import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..errors import MistralError
from ..result import Result
from ..session import RetryConfig

if TYPE_CHECKING:
    import requests


_D = TypeVar("_D", bound="_Declared")


class _Declared:
    """Immutable once made, shown by its fields. Plain classes, not dataclasses: every operation
    module imports this one, and making a frozen, slotted dataclass costs a cold start ~1 ms each."""

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"

    def replace(self: "_D", **changes: Any) -> "_D":
        """A copy with `changes` made (what `dataclasses.replace` does for a dataclass)."""
        return type(self)(**{**{name: getattr(self, name) for name in self.__slots__}, **changes})


_NONE: Mapping[Any, Any] = MappingProxyType({})


class Operation(_Declared):
    """What one operation sends and what it expects back; declared once per operation module."""

    __slots__ = (
        "accept",
        "body",
        "collect_into",
        "creates",
        "end_marker",
        "errors",
        "events",
        "files",
        "json_query",
        "method",
        "ok",
        "operation_id",
        "pages",
        "params",
        "path",
    )
    operation_id: str
    method: str
    path: str
    ok: Mapping[int, Any]
    """Success status -> model of the body (`None`: no body; `BinaryResponse`: raw bytes)."""
    errors: Mapping[int, type[MistralError]]
    body: Any
    """Model the keyword arguments of the request body are checked against."""
    files: frozenset[str]
    """Body properties that are uploads; when any, the body is multipart/form-data."""
    params: Mapping[str, Any]
    """Path and query parameter -> type, for checking the caller's values."""
    json_query: frozenset[str]
    """Query parameters the spec sends as compact JSON (`content: application/json`)."""
    accept: str
    events: Any
    """Model of one event, for streaming operations."""
    end_marker: str | None
    """The `data:` payload that ends the stream (`[DONE]`), where the API sends one."""
    collect_into: Any
    """Response model `EventStream.collect()` rebuilds from a completion stream (chat, fim, agents)."""
    creates: bool
    """A POST that makes a new resource: retried only where the request cannot have taken effect."""
    pages: "Pages | None"
    """Set on list operations that page (`page` and `page_size` query parameters): how to walk them."""

    def __init__(
        self,
        operation_id: str,
        method: str,
        path: str,
        ok: Mapping[int, Any],
        errors: Mapping[int, type[MistralError]] = _NONE,
        body: Any = None,
        files: frozenset[str] = frozenset(),
        params: Mapping[str, Any] = _NONE,
        json_query: frozenset[str] = frozenset(),
        accept: str = "application/json",
        events: Any = None,
        end_marker: str | None = None,
        collect_into: Any = None,
        creates: bool = False,
        pages: "Pages | None" = None,
    ) -> None:
        values = locals()
        for name in self.__slots__:
            object.__setattr__(self, name, values[name])


class Pages(_Declared):
    """How a list operation pages: `page` counts from 0, `page_size` items per page."""

    __slots__ = ("items", "page_size", "total")
    items: str | None
    """The response attribute holding one page's items; None where the response is the list itself."""
    total: str | None
    """Dotted path of the response attribute counting the items of all pages, where there is one
    (`total`, `pagination.total_items`); it may still be `UNSET` or `None` in a given response."""
    page_size: int | None
    """The page size the server uses when `page_size` is left out (the spec's default)."""

    def __init__(self, items: str | None = None, total: str | None = None, page_size: int | None = None) -> None:
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "page_size", page_size)


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
