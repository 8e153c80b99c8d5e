"""`paginate(op, session, **kwargs)`: every item of a list operation, page after page, lazily.

    for result in paginate(files_list, session, purpose="batch", page_size=100):
        match result:
            case Ok(file): ...
            case Err(error): ...   # the page that failed; nothing follows it

It asks for page 0 (or the `page` given), then the next, and stops at an empty page, once the
response's `total` items have been seen, or when the server answers a page it already gave (a
server ignoring `page` would otherwise be asked forever).
"""

import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .errors import InvalidRequestError
from .result import Err, Ok, Result
from .session import Session
from .types import UNSET

_log = logging.getLogger("mistral_fn")


def paginate(op: Callable[..., Result[Any, Any]], session: Session, **kwargs: Any) -> Iterator[Result[Any, Any]]:
    """`Ok(item)` for each item across pages, then at most one `Err` (the failing page's, or a misuse)."""
    paging = paging_of(op)
    if paging is None:
        name = getattr(op, "__name__", repr(op))
        yield Err(InvalidRequestError(f"paginate: {name} is not a paging operation (no page/page_size)"))
        return
    page = kwargs.pop("page", UNSET)
    page = 0 if page is UNSET or page is None else page
    if not isinstance(page, int) or isinstance(page, bool) or page < 0:
        yield Err(InvalidRequestError(f"invalid argument page: expected an integer >= 0, got {page!r}"))
        return
    seen_pages: set[int] = set()
    count = 0
    while True:
        result = op(session, page=page, **kwargs)
        if isinstance(result, Err):
            yield result
            return
        items, total = paging.read(result.value)
        if not items:
            return
        fingerprint = hash(repr(items))
        if fingerprint in seen_pages:
            _log.warning("paginate: page %d of %s repeats an earlier page; stopping", page, op.__name__)
            return
        seen_pages.add(fingerprint)
        for item in items:
            yield Ok(item)
        count += len(items)
        if total is not None and count >= total:
            return
        page += 1


class Paging:
    """Where a list operation's response keeps its items and its total (None: the body is the list)."""

    __slots__ = ("items", "total")

    def __init__(self, items: str | None, total: str | None) -> None:
        self.items = items
        self.total = total

    def read(self, value: Any) -> tuple[list[Any], int | None]:
        items = value if self.items is None else getattr(value, self.items, None)
        total = _dotted(value, self.total) if self.total is not None else None
        return (items if isinstance(items, list) else []), (total if isinstance(total, int) else None)


def _dotted(value: Any, path: str) -> Any:
    for name in path.split("."):
        value = getattr(value, name, None)
    return value


# The list operations with `page`/`page_size` and the shape of their responses, read from the spec:
# ListFilesOut, BatchJobsOut and JobsOut hold `data` and `total`; ListDocumentOut holds `data` and
# `pagination.total_items`; the agents and conversations lists answer a bare JSON array.
_PAGING = {
    "files_api_routes_list_files": Paging("data", "total"),
    "jobs_api_routes_batch_get_batch_jobs": Paging("data", "total"),
    "jobs_api_routes_fine_tuning_get_fine_tuning_jobs": Paging("data", "total"),
    "libraries_documents_list_v1": Paging("data", "pagination.total_items"),
    "agents_api_v1_agents_list": Paging(None, None),
    "agents_api_v1_agents_list_versions": Paging(None, None),
    "agents_api_v1_conversations_list": Paging(None, None),
}


def paging_of(op: Callable[..., Any]) -> Paging | None:
    """How `op` pages, or None when it does not (or is not an operation at all)."""
    module = sys.modules.get(getattr(op, "__module__", "") or "")
    operation = getattr(module, "_OPERATION", None)
    if operation is None or getattr(module, getattr(op, "__name__", ""), None) is not op:
        return None
    return _PAGING.get(operation.operation_id)
