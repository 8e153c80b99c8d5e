"""Import costs: one operation loads its module and its models, nothing else."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mistral_fn
from codegen.spec import read_operations
from mistral_fn.funcs import OPERATIONS

ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(OPERATIONS)


def loaded_after(code: str) -> set[str]:
    """The `mistral_fn` modules a fresh interpreter has loaded after running `code`."""
    script = (
        code + "\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('mistral_fn'))))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.mark.needs_spec
def test_the_index_names_the_74_operations() -> None:
    """`OPERATIONS` is exactly the first column of operations.tsv."""
    assert len(OPERATIONS) == 74
    assert {row.python_name for row in read_operations()} == OPERATIONS


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_imports_from_the_package(name: str) -> None:
    """`from mistral_fn import NAME` gives the function of `mistral_fn.funcs.NAME`."""
    function = getattr(mistral_fn, name)
    module = __import__(f"mistral_fn.funcs.{name}", fromlist=[name])
    assert function is getattr(module, name)
    assert callable(function)


def test_one_operation_loads_only_its_own_modules() -> None:
    """Importing chat_complete loads no other operation and only the models chat_complete uses."""
    loaded = loaded_after("from mistral_fn import chat_complete")
    operations = {m for m in loaded if m.startswith("mistral_fn.funcs.") and m != "mistral_fn.funcs._spec"}
    assert operations == {"mistral_fn.funcs.chat_complete"}
    used = closure_of("mistral_fn.funcs.chat_complete")
    model_modules = {m for m in loaded if m.startswith("mistral_fn.models.")}
    assert model_modules == used
    assert "mistral_fn.models.chat_completion_request" in model_modules
    assert "mistral_fn.models.embedding_request" not in model_modules


def test_the_models_index_imports_no_model() -> None:
    """`import mistral_fn.models` (and listing it) imports no model module."""
    loaded = loaded_after("import mistral_fn.models as m\nnames = dir(m)")
    assert not {x for x in loaded if x.startswith("mistral_fn.models.")}


def test_a_model_by_name_loads_its_module_only() -> None:
    """`from mistral_fn.models import TextChunk` imports text_chunk and what it imports."""
    loaded = loaded_after("from mistral_fn.models import TextChunk")
    assert {x for x in loaded if x.startswith("mistral_fn.models.")} == {"mistral_fn.models.text_chunk"}


def closure_of(module: str) -> set[str]:
    """The model modules `module` imports, directly or through other model modules (from the sources)."""
    import ast

    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        path = ROOT / (name.replace(".", "/") + ".py")
        tree = ast.parse(path.read_text())
        package = name.rsplit(".", 1)[0]
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
                if target.startswith("mistral_fn.models.") and target not in seen:
                    seen.add(target)
                    todo.append(target)
    return seen
