"""pyright (the checker inside VS Code's Pylance) in its basic, standard and strict modes over what a
user reads and copies: examples/, tests/typing/, the ```python blocks of README.md and FUNCTIONS.md,
and one file importing every public name of `mistral_fn`.

`mistral_fn` is seen as an installed library, as a user's editor sees it (through PYTHONPATH, not as
part of the project), so pyright's rules for py.typed packages apply: a name missing from a
module's `__all__` is `reportPrivateImportUsage`. pyright is the version `scripts/install-pyright`
pins, in `.pyright/`; without Node.js these tests are skipped and listed at the end (never under CI).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mistral_fn
from mistral_fn import errors
from tests import not_run

pytestmark = pytest.mark.pyright

ROOT = Path(__file__).resolve().parents[2]
PYRIGHT = ROOT / ".pyright" / "node_modules" / ".bin" / "pyright"
PYTHON = ROOT / ".venv" / "bin" / "python"
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
SIGNATURE = re.compile(r"^\w+\(\n    session: Session,")  # FUNCTIONS.md's declarations, not code
FUNCTIONS_PRELUDE = "from mistral_fn import Session\n\nsession = Session()\n"  # as FUNCTIONS.md says at its top


def doc_blocks(tmp: Path) -> list[Path]:
    """Each ```python block of README.md and FUNCTIONS.md as a file of its own."""
    files = []
    for name, prelude in (("README.md", ""), ("FUNCTIONS.md", FUNCTIONS_PRELUDE)):
        text = (ROOT / name).read_text()
        for match in FENCE.finditer(text):
            if SIGNATURE.match(match.group(1)):
                continue
            line = text.count("\n", 0, match.start()) + 1
            path = tmp / f"{name.removesuffix('.md')}_{line}.py"
            body = match.group(1)
            path.write_text(prelude + body if prelude and "session = " not in body else body)
            files.append(path)
    return files


def public_names_file(tmp: Path) -> Path:
    """Every public name of `mistral_fn` and `mistral_fn.errors`, imported and used."""
    names = sorted(mistral_fn.__all__)
    error_names = sorted(n for n in vars(errors) if n.endswith("Error") or n == "CauseSummary")
    lines = [f"from mistral_fn import {name}" for name in names]
    lines += [f"from mistral_fn.errors import {name}" for name in error_names]
    lines.append("print(" + ", ".join([*names, *error_names]) + ")")
    path = tmp / "public_names.py"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not not_run.have_node():
        not_run.not_run(not_run.missing_node())
    if not PYRIGHT.exists():
        pytest.fail(f"pyright is not installed ({PYRIGHT} is missing): run scripts/install-pyright", pytrace=False)
    tmp = tmp_path_factory.mktemp("pyright")
    (tmp / "site").mkdir()
    (tmp / "site" / "mistral_fn").symlink_to(ROOT / "mistral_fn")  # an installed package, to pyright
    blocks = tmp / "blocks"
    blocks.mkdir()
    doc_blocks(blocks)
    public_names_file(blocks)
    return tmp


def run_pyright(tmp: Path, mode: str) -> tuple[int, str]:
    config = {
        "include": [str(ROOT / "examples"), str(ROOT / "tests" / "typing"), str(tmp / "blocks")],
        "exclude": ["**/test_*.py", "**/__pycache__"],
        "typeCheckingMode": mode,
        "pythonVersion": "3.10",
    }
    (tmp / "pyrightconfig.json").write_text(json.dumps(config))
    env = {**os.environ, "PYTHONPATH": str(tmp / "site")}
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    done = subprocess.run(
        [str(PYRIGHT), "--project", str(tmp), "--pythonpath", str(python), "--outputjson"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    report = json.loads(done.stdout)
    problems = [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']} ({d.get('rule', '')})"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
    checked = report["summary"]["filesAnalyzed"]
    return checked, "\n".join(problems)


@pytest.mark.parametrize("mode", ["basic", "standard", "strict"])
def test_pyright_is_clean(checked: Path, mode: str) -> None:
    files, problems = run_pyright(checked, mode)
    assert files > 50, f"pyright analysed only {files} files"
    assert not problems, f"pyright {mode}:\n{problems}"
