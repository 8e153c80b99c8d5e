"""The pre-commit hooks are the checks scripts/test runs, with the venv's pinned tools."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_hooks_run_ruff_format_and_the_drift_check_from_the_venv() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"ruff", "ruff-format", "codegen-check"}
    assert hooks["ruff"]["entry"].startswith(".venv/bin/ruff check")
    assert hooks["ruff-format"]["entry"].startswith(".venv/bin/ruff format --check")
    assert hooks["codegen-check"]["entry"] == ".venv/bin/python -m codegen --check"
    assert hooks["codegen-check"]["pass_filenames"] is False
    for hook in hooks.values():
        executable = ROOT / hook["entry"].split()[0]
        assert executable.name in ("ruff", "python") and hook["language"] == "system"
