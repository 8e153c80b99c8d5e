"""Rewrite the layer's copy of the lazy operation index so it lists only what the layer holds.

`mistral_fn.__getattr__` resolves `from mistral_fn import NAME` through `funcs.OPERATIONS`. With the
pruned list, asking a layer for an operation it left out is `ImportError: cannot import name
'embeddings_create' from 'mistral_fn'` (an `AttributeError` for `mistral_fn.embeddings_create`),
not a `ModuleNotFoundError` from deep inside the lazy import; and `dir(mistral_fn)` tells the truth.
"""

import ast
from collections.abc import Iterable

from .operations import IndexFormatError, operations_node

NOTE = "# Pruned by `python -m mistral_fn.layer`: this layer holds only the operations in OPERATIONS.\n"


def prune_operations_index(source: str, keep: Iterable[str]) -> str:
    """`funcs/__init__.py` source with `OPERATIONS` cut down to `keep`; everything else as it was."""
    data = source.encode("utf-8")
    tree = ast.parse(data)
    node = operations_node(tree)
    if node is None or node.end_lineno is None or node.end_col_offset is None:
        raise IndexFormatError("funcs/__init__.py assigns no OPERATIONS")
    # ast offsets are (line, UTF-8 byte column): slice bytes, not str.
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    begin = starts[node.lineno - 1] + node.col_offset
    end = starts[node.end_lineno - 1] + node.end_col_offset
    names = "".join(f'        "{name}",\n' for name in sorted(keep))
    value = f"frozenset(\n    {{\n{names}    }}\n)" if names else "frozenset()"
    return NOTE + (data[:begin] + value.encode() + data[end:]).decode("utf-8")
