#!/usr/bin/env python3
"""Line and branch coverage of the last test run (.coverage), for the runtime and for all of mistral_fn.

scripts/test runs pytest with `--cov` (settings in pyproject.toml) and then this, so that the run
ends with the figures CONTRIBUTING.md quotes. `--write FILE` also saves them as JSON.
"""

import json
import sys
import tempfile
from pathlib import Path

import coverage

PARTS = {"runtime (mistral_fn/_runtime)": "*/mistral_fn/_runtime/*", "mistral_fn (all of it)": "*/mistral_fn/*"}


def totals(cov: coverage.Coverage, include: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        cov.json_report(outfile=str(out), include=include)
        return json.loads(out.read_text())["totals"]  # type: ignore[no-any-return]


def main(argv: list[str]) -> int:
    data = Path(".coverage")
    if not data.exists():
        print("coverage: no .coverage file (was pytest run with --cov?)", file=sys.stderr)
        return 1
    cov = coverage.Coverage(data_file=str(data))
    cov.load()
    figures = {}
    print("== coverage (line and branch, coverage.py)")
    for name, include in PARTS.items():
        t = totals(cov, include)
        figures[name] = t
        lines = 100 * t["covered_lines"] / max(t["num_statements"], 1)
        branches = 100 * t["covered_branches"] / max(t["num_branches"], 1)
        print(
            f"{name}: lines {lines:.1f}% ({t['covered_lines']}/{t['num_statements']}), "
            f"branches {branches:.1f}% ({t['covered_branches']}/{t['num_branches']})"
        )
    if argv[:1] == ["--write"] and len(argv) == 2:
        Path(argv[1]).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
