"""The 74 operations are public names of `mistral_fn` for type checkers (in `__all__`, which pyright
and mypy read) while `import mistral_fn` still imports none of them."""

import json
import subprocess
import sys

import mistral_fn
from mistral_fn.funcs import OPERATIONS


def test_every_operation_is_in_all() -> None:
    assert OPERATIONS <= set(mistral_fn.__all__)
    assert len(mistral_fn.__all__) == len(set(mistral_fn.__all__))


def test_import_mistral_fn_imports_no_operation() -> None:
    probe = "import json, sys, mistral_fn; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    assert not [m for m in loaded if m.startswith("mistral_fn.funcs.") and m != "mistral_fn.funcs._spec"]
    assert not [m for m in loaded if m.startswith("mistral_fn.models.")]
