"""The committed generated files are exactly what the generator makes from the spec."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.needs_spec

ROOT = Path(__file__).resolve().parents[2]


def test_generated_files_are_up_to_date() -> None:
    """`python -m codegen --check` passes on the committed output."""
    done = subprocess.run(
        [sys.executable, "-m", "codegen", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_lists_what_differs(tmp_path: Path) -> None:
    """Against a tree without the generated files, the check names every one of them."""
    from codegen.__main__ import check

    differ = check(tmp_path)
    assert "FUNCTIONS.md" in differ
    assert "mistral_fn/funcs/chat_complete.py" in differ
    assert "mistral_fn/models/chat_completion_request.py" in differ
