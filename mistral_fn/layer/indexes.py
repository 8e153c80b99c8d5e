"""Rewrite the layer's copies of the lazy indexes so they list only what the layer holds.

`mistral_fn.__getattr__` resolves `from mistral_fn import NAME` through `funcs.OPERATIONS`, and
`mistral_fn.models.__getattr__` resolves a schema name through `models._MODULES`. With both cut
down to the layer's contents, asking for something the layer left out gives `ImportError: cannot
import name 'embeddings_create' from 'mistral_fn'` (an `AttributeError` for attribute access)
rather than a `ModuleNotFoundError` from deep inside a lazy import, and `dir()` tells the truth.
Only the values of these assignments change, and the `if TYPE_CHECKING:` import tables (every
operation, every model) go: a layer is mounted read-only, so Python cannot cache bytecode there and
compiles these files again at every cold start. The rest of each file is kept byte for byte.
"""

import ast
from collections.abc import Collection, Mapping
from typing import Any

from .operations import IndexFormatError

NOTE = "# Pruned by `python -m mistral_fn.layer`: the tables below list only what this layer holds.\n"
TYPING_NOTE = "# (The `if TYPE_CHECKING:` imports, for type checkers only, are left out of the layer.)"


def prune_operations_index(source: str, keep: Collection[str]) -> str:
    """`funcs/__init__.py` with `OPERATIONS` and `__all__` cut down to the operations `keep`."""
    tree = ast.parse(source)
    values = _values(tree)
    if "OPERATIONS" not in values:
        raise IndexFormatError("funcs/__init__.py assigns no OPERATIONS")
    names = _lines([f'"{name}"' for name in sorted(keep)], 2)
    changes = {"OPERATIONS": "frozenset(\n    {\n" + names + "    }\n)" if keep else "frozenset()"}
    if isinstance(values.get("__all__"), list):
        changes["__all__"] = _list([name for name in values["__all__"] if name in keep])
    return _replace(source, tree, changes)


def prune_models_index(source: str, kept_modules: Collection[str]) -> str:
    """`models/__init__.py` with `_MODULES` (name -> module) and `__all__` cut down to the modules kept."""
    tree = ast.parse(source)
    values = _values(tree)
    table = values.get("_MODULES")
    if not isinstance(table, dict):
        raise IndexFormatError("models/__init__.py assigns no _MODULES dict")
    kept = {name: module for name, module in table.items() if module in kept_modules}
    changes = {"_MODULES": _dict(kept)}
    if isinstance(values.get("__all__"), list):
        changes["__all__"] = _list([name for name in values["__all__"] if name in kept])
    return _replace(source, tree, changes)


def _assignments(tree: ast.Module) -> Mapping[str, ast.expr]:
    """Module-level `NAME = value` / `NAME: type = value`, by name."""
    found: dict[str, ast.expr] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            found[stmt.target.id] = stmt.value
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            found[stmt.targets[0].id] = stmt.value
    return found


def _values(tree: ast.Module) -> dict[str, Any]:
    """The literal values of the module-level assignments (`frozenset(<literal>)` included)."""
    values: dict[str, Any] = {}
    for name, node in _assignments(tree).items():
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "frozenset":
            node = node.args[0] if node.args else ast.Set(elts=[])
        try:
            values[name] = ast.literal_eval(node)
        except ValueError:
            continue
    return values


def _replace(source: str, tree: ast.Module, changes: Mapping[str, str]) -> str:
    """`source` with the value of each named assignment replaced by the given text, and its
    module-level `if TYPE_CHECKING:` blocks (typing tables naming every module) replaced by a comment.
    """
    data = source.encode("utf-8")
    # ast offsets are (line, UTF-8 byte column): slice bytes, not str.
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def span(node: ast.expr | ast.stmt, text: str) -> tuple[int, int, str]:
        assert node.end_lineno is not None and node.end_col_offset is not None
        begin = starts[node.lineno - 1] + node.col_offset
        return begin, starts[node.end_lineno - 1] + node.end_col_offset, text

    nodes = _assignments(tree)
    spans = [span(nodes[name], text) for name, text in changes.items()]
    spans += [span(stmt, TYPING_NOTE) for stmt in tree.body if _is_type_checking_block(stmt)]
    for begin, end, text in sorted(spans, reverse=True):  # last first, so earlier offsets hold
        data = data[:begin] + text.encode("utf-8") + data[end:]
    return NOTE + data.decode("utf-8")


def _is_type_checking_block(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.If)
        and not stmt.orelse
        and isinstance(stmt.test, ast.Name)
        and stmt.test.id == "TYPE_CHECKING"
    )


def _lines(items: list[str], depth: int) -> str:
    return "".join(f"{'    ' * depth}{item},\n" for item in items)


def _list(names: list[str]) -> str:
    return "[\n" + _lines([f'"{name}"' for name in names], 1) + "]" if names else "[]"


def _dict(table: Mapping[str, str]) -> str:
    return "{\n" + _lines([f'"{k}": "{v}"' for k, v in table.items()], 1) + "}" if table else "{}"
