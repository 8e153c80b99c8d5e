"""The pagination marks of the generated operations (`OPERATION.pages`), which `paginate()` reads."""

import importlib
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from mistral_fn import files_list
from mistral_fn.funcs import OPERATIONS, operation_of


def function(name: str) -> Callable[..., Any]:
    found: Callable[..., Any] = getattr(importlib.import_module(f"mistral_fn.funcs.{name}"), name)
    return found


def attribute_type(cls: Any, dotted: str) -> Any:
    """The declared type at `a.b` of an attrs class, through the nested model `a`."""
    *parents, last = dotted.split(".")
    for name in parents:
        declared = attrs.fields_dict(attrs.resolve_types(cls))[name].type
        cls = next(t for t in getattr(declared, "__args__", (declared,)) if attrs.has(t))
    return attrs.fields_dict(attrs.resolve_types(cls))[last].type


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_marked_exactly_where_page_and_page_size_are_taken(name: str) -> None:
    operation = operation_of(function(name))
    assert (operation.pages is not None) == ({"page", "page_size"} <= set(operation.params))


@pytest.mark.parametrize("name", sorted(n for n in OPERATIONS if operation_of(function(n)).pages is not None))
def test_the_mark_names_attributes_the_response_has(name: str) -> None:
    operation = operation_of(function(name))
    pages = operation.pages
    assert pages is not None and pages.page_size is not None and pages.page_size > 0
    response = operation.ok[200]
    if pages.items is None:
        assert getattr(response, "__origin__", None) is list  # the response is the page itself
        assert pages.total is None
        return
    assert "list" in str(attribute_type(response, pages.items))
    if pages.total is not None:
        assert "int" in str(attribute_type(response, pages.total))


def test_files_list_pages_by_data_and_counts_by_total() -> None:
    pages = operation_of(files_list).pages
    assert pages is not None
    assert (pages.items, pages.total, pages.page_size) == ("data", "total", 100)


def test_operation_of_refuses_other_functions() -> None:
    with pytest.raises(ValueError, match="not an operation"):
        operation_of(print)
    with pytest.raises(ValueError, match="not an operation"):
        operation_of(function)
