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
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import InvalidRequestError
from .result import Err, Ok, Result
from .session import Session
from .types import UNSET

if TYPE_CHECKING:
    from ._runtime.invoke import Pages

_log = logging.getLogger("mistral_fn")


def paginate(op: Callable[..., Result[Any, Any]], session: Session, **kwargs: Any) -> Iterator[Result[Any, Any]]:
    """`Ok(item)` for each item across pages, then at most one `Err` (the failing page's, or a misuse)."""
    pages = pages_of(op)
    if pages is None:
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
        items, total = read_page(pages, result.value)
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


def read_page(pages: "Pages", value: Any) -> tuple[list[Any], int | None]:
    """The items of one page and the total the response announces (None when it does not)."""
    items = value if pages.items is None else getattr(value, pages.items, None)
    total: Any = value
    if pages.total is None:
        total = None
    else:
        for name in pages.total.split("."):
            total = getattr(total, name, None)
    return (items if isinstance(items, list) else []), (total if isinstance(total, int) else None)


def pages_of(op: Callable[..., Any]) -> "Pages | None":
    """How `op` pages (the generator's mark), or None when it does not or is not an operation."""
    from .funcs import operation_of

    try:
        return operation_of(op).pages
    except ValueError:
        return None
