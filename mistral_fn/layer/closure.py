"""The modules of a package that some entry modules import, found statically with `ast`.

Every `import` and `from ... import` naming a module of the package is followed, wherever it sits
(module level or inside a function: the runtime defers some imports to first use), except under
`if TYPE_CHECKING:`, which never runs. Importing a module imports its parent packages, so they
are in the closure too. Imports of other packages (the standard library, requests, ...) are not
followed: the layer installs those whole.
"""

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path


class ClosureError(Exception):
    """An import inside the package names a module the package does not have."""


def package_modules(root: Path) -> dict[str, Path]:
    """Every module of the package in folder `root`, by dotted name (`mistral_fn.funcs.chat_complete`)."""
    modules: dict[str, Path] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((root.name, *parts))] = path
    return modules


class ImportGraph:
    """The package's modules and, found on first need and remembered, what each one imports."""

    def __init__(self, root: Path) -> None:
        self.modules = package_modules(root)
        self._imports: dict[str, list[str]] = {}

    def imports(self, name: str) -> list[str]:
        """The package modules that module `name` imports when it runs (its own body and its functions')."""
        found = self._imports.get(name)
        if found is None:
            path = self.modules[name]
            finder = _ImportFinder(name, path.name == "__init__.py", self.modules)
            finder.visit(ast.parse(path.read_bytes(), filename=str(path)))
            found = self._imports[name] = finder.found
        return found

    def closure(self, entries: Iterable[str]) -> set[str]:
        """The entry modules and every package module they import, directly or not."""
        closure: set[str] = set()
        todo = list(entries)
        while todo:
            name = todo.pop()
            if name in closure:
                continue
            if name not in self.modules:
                raise ClosureError(f"no module {name!r} in the package")
            closure.add(name)
            todo.extend(_parents(name))
            for imported in self.imports(name):
                if imported not in self.modules:
                    raise ClosureError(f"{self.modules[name]} imports {imported!r}, which does not exist")
                todo.append(imported)
        return closure


class _ImportFinder(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, modules: Mapping[str, Path]) -> None:
        self.package = module if is_package else module.rpartition(".")[0]
        self.top = module.partition(".")[0]
        self.modules = modules
        self.found: list[str] = []

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for stmt in node.orelse:
                self.visit(stmt)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.package.split(".")
            if node.level - 1 >= len(parts):
                raise ClosureError(f"relative import beyond the top package in {self.package!r}")
            base = ".".join(parts[: len(parts) - (node.level - 1)] + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        if not self._add(base):
            return
        for alias in node.names:
            # `from . import errors` imports the module `errors`; `from .errors import MistralError`
            # takes a name from the module `errors`.
            if f"{base}.{alias.name}" in self.modules:
                self._add(f"{base}.{alias.name}")

    def _add(self, name: str) -> bool:
        inside = name == self.top or name.startswith(self.top + ".")
        if inside:
            self.found.append(name)
        return inside


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]
