"""The package's import graph: no cycle, and no import from a lower layer into a higher one.

The graph is read from the source (ast), not from a running interpreter, so that an import inside a
function (the lazy ones) counts as much as one at the top. Imports under `if TYPE_CHECKING:` are left
out: they never run, and only name types. An import of `a.b.c` is an edge to `a.b.c` alone (Python
also runs the packages `a` and `a.b`, which every module of a package shares).
"""

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "mistral_fn"

# Lowest first. A module may import its own layer and those below it, never one above.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Values and settings every layer uses. `funcs._spec` is the generated table of the spec's
    # servers that `Session(server=...)` reads: plain data that imports nothing (asserted below).
    (
        "core",
        (
            "mistral_fn.result",
            "mistral_fn.errors",
            "mistral_fn.types",
            "mistral_fn.session",
            "mistral_fn._version",
            "mistral_fn._checks",
            "mistral_fn.funcs._spec",
            "mistral_fn.rate_limit_info",
        ),
    ),
    # The spec's schemas as attrs classes: they import only core (their behaviour is in the converters).
    ("models", ("mistral_fn.models",)),
    # The engine every operation calls; it may name a model (the 422 detail) but no operation.
    ("runtime", ("mistral_fn._runtime",)),
    # One generated module per operation, and their lazy index.
    ("operations", ("mistral_fn.funcs",)),
    # The package's own namespace and everything built on the operations: providers, prepare,
    # the mock server, the Lambda layer builder, and any helper added later.
    ("api", ("mistral_fn",)),
)


def layer_of(module: str) -> int:
    """The index in LAYERS of the most specific entry naming `module` or a package holding it."""
    best, best_length = len(LAYERS) - 1, -1
    for index, (_, names) in enumerate(LAYERS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best_length:
                best, best_length = index, len(name)
    return best


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterable[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: anywhere but the body of `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                yield from _imports(ast.Module(body=[child], type_ignores=[]))
        else:
            yield from _imports(node)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports."""
    paths = {module_name(p): p for p in sorted(package.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _imports(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names if alias.name in paths)
                continue
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                edges.add(target if target in paths else base)
        graph[module] = {m for m in edges if m in paths and m != module}
    return graph


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """One cycle of `graph` as a path that starts and ends at the same module, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def upward_imports(graph: Mapping[str, Iterable[str]]) -> list[str]:
    return [
        f"{source} ({LAYERS[layer_of(source)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
        for source, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(source)
    ]


GRAPH = import_graph()


def test_the_graph_covers_the_runtime() -> None:
    """The graph sees the runtime's imports, lazy ones included (so the checks below check something)."""
    assert "mistral_fn._runtime.operation" in GRAPH["mistral_fn._runtime.invoke"]
    assert "mistral_fn._runtime.streams" in GRAPH["mistral_fn._runtime.responses"]  # inside decode()
    assert "mistral_fn._runtime.invoke" in GRAPH["mistral_fn.funcs.chat_complete"]


def test_there_is_no_import_cycle() -> None:
    assert find_cycle(GRAPH) is None


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports(GRAPH) == []


def test_the_vocabulary_imports_nothing_of_the_runtime() -> None:
    """`operation` is what every runtime module speaks of, so it can speak of none of them."""
    assert [m for m in GRAPH["mistral_fn._runtime.operation"] if layer_of(m) >= layer_of("mistral_fn._runtime")] == []


def test_the_spec_table_in_core_is_plain_data() -> None:
    assert GRAPH["mistral_fn.funcs._spec"] == set()


def test_core_modules_import_neither_the_runtime_nor_the_operations() -> None:
    for module in LAYERS[0][1]:
        assert {m for m in GRAPH[module] if m.startswith(("mistral_fn._runtime", "mistral_fn.funcs."))} <= {
            "mistral_fn.funcs._spec"
        }, module


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"a2"}, "a2": {"a2x"}, "a2x": {"a2"}}, ["a2", "a2x", "a2"]),
    ],
)
def test_find_cycle_finds_what_there_is(graph: dict[str, set[str]], expected: list[str] | None) -> None:
    assert find_cycle(graph) == expected


def test_an_upward_import_is_reported() -> None:
    graph = {"mistral_fn.session": {"mistral_fn._runtime.invoke"}, "mistral_fn.funcs.x": {"mistral_fn.models.y"}}
    assert upward_imports(graph) == ["mistral_fn.session (core) imports mistral_fn._runtime.invoke (runtime)"]
