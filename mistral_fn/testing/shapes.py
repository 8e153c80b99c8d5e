"""JSON in a model's shape: generated values (`fill`), stored resources (`shape`), and pages of them (`listing`)."""

from typing import Any, get_args, get_origin

import attrs

from .._runtime import convert
from ..types import Discriminator
from . import fakes


def listing(model: Any, items: list[dict[str, Any]], query: dict[str, list[str]]) -> Any:
    """A page of `items` in the list model's shape: filtered by query fields, paged, with totals."""
    items = [i for i in items if all(_matches(i, k, v) for k, v in query.items())]
    total = len(items)
    page = _int_param(query, "page", 0)
    size = _int_param(query, "page_size", 0) or max(total, 1)
    items = items[page * size : (page + 1) * size]
    if get_origin(model) is list:
        return [shape(get_args(model)[0], i) for i in items]
    built = fill(model, {})
    for f in attrs.fields(model):
        if "list[" in str(f.type) and f.name in ("data", "items"):
            built[f.name] = [shape(_list_item(f.type), i) for i in items]
    if "total" in built:
        built["total"] = total
    if isinstance(built.get("pagination"), dict):
        pages = (total + size - 1) // size
        more = (page + 1) * size < total
        built["pagination"] = {
            "total_items": total,
            "total_pages": pages,
            "current_page": page,
            "page_size": size,
            "has_more": more,
        }
    return built


_PAGING = frozenset({"page", "page_size", "include_total", "sort_by", "sort_order", "search"})


def _matches(item: dict[str, Any], key: str, wanted: list[str]) -> bool:
    """A query parameter named like an item's scalar field filters on it; any other is ignored."""
    if key in _PAGING or key not in item or isinstance(item[key], (dict, list)) or item[key] is None:
        return True
    return str(item[key]) in wanted or str(item[key]).lower() in wanted


def _int_param(query: dict[str, list[str]], name: str, default: int) -> int:
    try:
        return max(0, int((query.get(name) or [str(default)])[0]))
    except ValueError:
        return default


def _list_item(t: Any) -> Any:
    for arg in get_args(t):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return get_args(t)[0] if get_args(t) else Any


def _as(model: Any, value: Any) -> Any:
    """`value` as JSON of `model`, or None when it cannot be read as one."""
    try:
        return convert.to_json(convert.read(value, model))
    except convert.ConversionError:
        return None


# Fields the API sends beyond the spec that the official SDK requires (kept where a resource has them).
_NEWER_FIELDS = frozenset({"process_status"})


def shape(model: Any, stored: dict[str, Any]) -> Any:
    """A stored resource as JSON of `model`: the fields the model has, the rest generated."""
    member = _member(model, stored)
    if member is not None:
        model = member
    if not attrs.has(model):
        return _as(model, stored) or stored
    names = {f.name for f in attrs.fields(model)} | (_NEWER_FIELDS & stored.keys())
    value = convert.to_json(fakes.build(model))
    candidate = {**value, **{k: v for k, v in stored.items() if k in names}}
    if _as(model, candidate) is not None:
        return candidate
    for key, new in stored.items():  # keep what fits, key by key
        if key in names and _as(model, {**value, key: new}) is not None:
            value[key] = new
    return value


def fill(model: Any, path: dict[str, str], body: Any = None) -> Any:
    """JSON of a generated `model`, with ids from the path and values the request gave, where they fit."""
    value = convert.to_json(fakes.build(model))
    if not isinstance(value, dict):
        return value
    given: dict[str, Any] = {}
    if isinstance(body, dict):
        given.update((k, v) for k, v in body.items() if k not in ("id", "object") and not isinstance(v, tuple))
        if "id" in body and body.get("deleted") is not None:
            given["id"] = body["id"]
    given.update(path)
    for key, new in given.items():
        if key in value:
            candidate = {**value, key: new}
            if _as(model, candidate) is not None:  # keep only what still fits the model
                value = candidate
    return value


def _member(model: Any, stored: dict[str, Any]) -> Any:
    """The model class of a union that `stored` is: by its tag where the union has one, else the first."""
    if attrs.has(model) or get_origin(model) is list:
        return None
    tagged = next((m for m in getattr(model, "__metadata__", ()) if isinstance(m, Discriminator)), None)
    if tagged is not None:
        tag = stored.get(tagged.property) if isinstance(stored, dict) else None
        return tagged.mapping.get(str(tag)) or next(iter(tagged.mapping.values()))
    for arg in get_args(model):
        found = arg if attrs.has(arg) else _member(arg, stored)
        if found is not None:
            return found
    return None
