"""The static import closure and the index rewrite, on a tiny package written for each test."""

import textwrap
from pathlib import Path
from typing import Any

import pytest

from mistral_fn.layer.closure import ClosureError, ImportGraph
from mistral_fn.layer.indexes import NOTE, TYPING_NOTE, prune_models_index, prune_operations_index
from mistral_fn.layer.operations import UnknownOperationError, read_operations, select_operations


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return package


def closure_of(package: Path, *entries: str) -> set[str]:
    return ImportGraph(package).closure(entries)


def test_relative_imports_and_parents_are_followed(tmp_path: Path) -> None:
    """`from ..models.a import A` brings in `models.a` and the packages above it."""
    package = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "funcs/__init__.py": "",
            "funcs/op.py": "from ..models.a import A\nfrom .. import errors\n",
            "models/__init__.py": "",
            "models/a.py": "import attrs\nfrom .b import B\n",
            "models/b.py": "",
            "models/unused.py": "",
            "errors.py": "",
        },
    )
    assert closure_of(package, "pkg.funcs.op") == {
        "pkg",
        "pkg.funcs",
        "pkg.funcs.op",
        "pkg.models",
        "pkg.models.a",
        "pkg.models.b",
        "pkg.errors",
    }


def test_imports_inside_functions_are_followed(tmp_path: Path) -> None:
    """A deferred import (the runtime's `from .responses import ...` at first use) is part of the closure."""
    package = write_package(
        tmp_path,
        {"__init__.py": "", "a.py": "def f():\n    from .b import g\n    return g\n", "b.py": ""},
    )
    assert closure_of(package, "pkg.a") == {"pkg", "pkg.a", "pkg.b"}


def test_type_checking_imports_are_not_followed(tmp_path: Path) -> None:
    """`if TYPE_CHECKING:` never runs, so the lazy index's typing table pulls nothing in; its else does run."""
    package = write_package(
        tmp_path,
        {
            "__init__.py": """
                import typing
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    from .a import A
                if typing.TYPE_CHECKING:
                    from .b import B
                else:
                    from .c import C
            """,
            "a.py": "",
            "b.py": "",
            "c.py": "",
        },
    )
    assert closure_of(package, "pkg") == {"pkg", "pkg.c"}


def test_absolute_imports_of_the_package_are_followed(tmp_path: Path) -> None:
    """`import pkg.a` and `from pkg import b` (a module) count as well as relative ones."""
    package = write_package(
        tmp_path,
        {"__init__.py": "", "x.py": "import pkg.a\nfrom pkg import b, name\n", "a.py": "", "b.py": ""},
    )
    assert closure_of(package, "pkg.x") == {"pkg", "pkg.x", "pkg.a", "pkg.b"}


def test_an_import_of_a_missing_module_is_an_error(tmp_path: Path) -> None:
    """A module the package lacks would fail at run time; the build fails first, naming it."""
    package = write_package(tmp_path, {"__init__.py": "from .gone import X\n"})
    with pytest.raises(ClosureError, match=r"pkg\.gone"):
        closure_of(package, "pkg")


def test_pruned_operations_index(tmp_path: Path) -> None:
    """OPERATIONS and __all__ list the kept operations, the typing table goes, the rest stays as it was."""
    source = textwrap.dedent(
        '''\
        """The operations."""

        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from .chat_complete import chat_complete as chat_complete
            from .files_list import files_list as files_list

        OPERATIONS = frozenset(
            {
                "chat_complete",
                "embeddings_create",
                "files_list",
            }
        )
        """Every operation."""

        __all__ = ["chat_complete", "embeddings_create", "files_list"]
        '''
    )
    pruned = prune_operations_index(source, ["files_list", "chat_complete"])
    assert pruned == NOTE + textwrap.dedent(
        f'''\
        """The operations."""

        from typing import TYPE_CHECKING

        {TYPING_NOTE}

        OPERATIONS = frozenset(
            {{
                "chat_complete",
                "files_list",
            }}
        )
        """Every operation."""

        __all__ = [
            "chat_complete",
            "files_list",
        ]
        '''
    )
    index = tmp_path / "__init__.py"
    index.write_text(pruned)
    assert read_operations(index) == {"chat_complete", "files_list"}


def test_pruned_models_index() -> None:
    """The name -> module table and __all__ keep only names whose module is in the layer."""
    source = textwrap.dedent(
        """\
        _MODULES = {"A": "a", "AKind": "a", "B": "b", "Café": "c"}
        __all__ = ["A", "AKind", "B", "Café"]


        def __getattr__(name):
            return _MODULES[name]
        """
    )
    pruned = prune_models_index(source, {"a", "c"})
    namespace: dict[str, Any] = {}
    exec(pruned, namespace)
    assert namespace["_MODULES"] == {"A": "a", "AKind": "a", "Café": "c"}
    assert namespace["__all__"] == ["A", "AKind", "Café"]
    assert pruned.endswith("\n\n\ndef __getattr__(name):\n    return _MODULES[name]\n")


def test_unknown_names_list_close_matches() -> None:
    """A misspelt operation is refused with the names it resembles."""
    known = frozenset({"chat_complete", "chat_stream", "embeddings_create"})
    with pytest.raises(UnknownOperationError, match="'chat_complet': did you mean chat_complete"):
        select_operations(["chat_complet"], known)
    with pytest.raises(UnknownOperationError, match="'zzz': no operation has a similar name"):
        select_operations(["chat_complete", "zzz"], known)


def test_no_names_selects_all_and_repeats_are_dropped() -> None:
    """None requested keeps every operation; the selection is sorted and has no repeats."""
    known = frozenset({"b", "a"})
    assert select_operations([], known) == ("a", "b")
    assert select_operations(["b", "b"], known) == ("b",)
