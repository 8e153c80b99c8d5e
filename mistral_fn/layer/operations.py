"""Which operations exist, and which of them a build asked for."""

import ast
import difflib
from collections.abc import Iterable
from pathlib import Path


class UnknownOperationError(ValueError):
    """A `--function` names no operation; the message lists close matches."""

    def __init__(self, unknown: list[str], known: Iterable[str]) -> None:
        known = sorted(known)
        lines = []
        for name in unknown:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
            hint = f"did you mean {', '.join(close)}?" if close else "no operation has a similar name"
            lines.append(f"unknown operation {name!r}: {hint}")
        super().__init__("\n".join(lines))
        self.unknown = unknown


class IndexFormatError(Exception):
    """The generated `funcs/__init__.py` has no `OPERATIONS = frozenset(...)` of string literals."""


def read_operations(index: Path) -> frozenset[str]:
    """The names in `OPERATIONS = frozenset({...})` of the generated `funcs/__init__.py`, read without importing it."""
    node = operations_node(ast.parse(index.read_text(encoding="utf-8")))
    if node is None:
        raise IndexFormatError(f"{index} assigns no OPERATIONS")
    return _literal_names(node, index)


def operations_node(tree: ast.Module) -> ast.expr | None:
    """The value of the module-level `OPERATIONS` assignment, if any."""
    for stmt in tree.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == "OPERATIONS":
            return stmt.value
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "OPERATIONS" for t in stmt.targets):
            return stmt.value
    return None


def _literal_names(node: ast.expr, index: Path) -> frozenset[str]:
    # `frozenset()` or `frozenset(<literal set, list or tuple of str>)`
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "frozenset":
        if not node.args and not node.keywords:
            return frozenset()
        if len(node.args) == 1 and not node.keywords:
            value = ast.literal_eval(node.args[0])
            if isinstance(value, (set, frozenset, list, tuple)) and all(isinstance(v, str) for v in value):
                return frozenset(value)
    raise IndexFormatError(f"{index}: OPERATIONS is not frozenset() of string literals")


def select_operations(requested: Iterable[str], known: frozenset[str]) -> tuple[str, ...]:
    """The requested operations, sorted and without repeats; all of them when none is requested."""
    wanted = list(dict.fromkeys(requested))
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise UnknownOperationError(unknown, known)
    return tuple(sorted(wanted or known))
