"""`Operation` and `Pages`: immutable declarations, copied with changes by `replace`."""

import pytest

from mistral_fn._runtime.operation import Operation, Pages
from tests.runtime.shapes import CHAT_STREAM


def test_an_operation_cannot_be_changed() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        CHAT_STREAM.method = "GET"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="immutable"):
        del CHAT_STREAM.path
    assert CHAT_STREAM.method == "POST"


def test_replace_changes_only_what_it_is_given() -> None:
    changed = CHAT_STREAM.replace(end_marker=None, collect_into=None)
    assert (changed.end_marker, changed.collect_into) == (None, None)
    assert CHAT_STREAM.end_marker == "[DONE]" and CHAT_STREAM.collect_into is not None
    assert [getattr(changed, n) for n in Operation.__slots__ if n not in ("end_marker", "collect_into")] == [
        getattr(CHAT_STREAM, n) for n in Operation.__slots__ if n not in ("end_marker", "collect_into")
    ]


def test_defaults_and_repr() -> None:
    op = Operation(operation_id="x", method="GET", path="/x", ok={200: None})
    assert (op.errors, op.params, op.files, op.accept, op.creates, op.pages) == (
        {},
        {},
        frozenset(),
        "application/json",
        False,
        None,
    )
    assert repr(Pages(items="data", page_size=100)) == "Pages(items='data', page_size=100, total=None)"
