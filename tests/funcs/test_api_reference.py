"""docs/API.md is true of the code: every name it imports exists, and every public name is listed."""

import ast
import importlib
import re
from pathlib import Path

import mistral_fn
from mistral_fn import batch, errors, testing
from mistral_fn.funcs import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "API.md"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def listed() -> set[tuple[str, str]]:
    """(module, name) for every name the reference's python blocks import."""
    names = set()
    for block in FENCE.findall(REFERENCE.read_text()):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.ImportFrom) and node.module:
                names |= {(node.module, alias.name) for alias in node.names}
    return names


def test_every_name_the_reference_lists_imports() -> None:
    """Each `from M import N` of docs/API.md works (a name that does not exist is a lie in the docs)."""
    names = listed()
    assert len(names) >= 40
    missing = [
        f"{module}.{name}" for module, name in sorted(names) if not hasattr(importlib.import_module(module), name)
    ]
    assert not missing, f"docs/API.md lists names that do not exist: {missing}"


def test_every_public_name_is_in_the_reference() -> None:
    """What mistral_fn, mistral_fn.errors, .batch and .testing export is listed in docs/API.md."""
    names = listed()
    # The 74 operations are in `mistral_fn.__all__` too; FUNCTIONS.md is their reference (test_functions_md.py).
    public = {("mistral_fn", n) for n in mistral_fn.__all__ if n not in OPERATIONS}
    public |= {("mistral_fn.batch", n) for n in batch.__all__}
    public |= {("mistral_fn.testing", n) for n in testing.__all__}
    public |= {
        ("mistral_fn.errors", name)
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == errors.__name__
    }
    public |= {("mistral_fn.errors", "CommonError")}
    unlisted = sorted(f"{module}.{name}" for module, name in public - names)
    assert not unlisted, f"public but not in docs/API.md (add them, in the commit that adds the name): {unlisted}"
