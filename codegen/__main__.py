"""`python -m codegen` regenerates the models, the operations and FUNCTIONS.md from the spec;
`python -m codegen --check` regenerates into a temporary directory and lists the files that differ.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import plan as planning
from . import quirks, render, spec

GENERATED_DIRS = (render.MODELS, render.FUNCS)
GENERATED_FILES = ("FUNCTIONS.md",)


def generate(out: Path, the_spec: spec.Spec | None = None, quiet: bool = False) -> dict[str, str]:
    """Write every generated file under `out` (a repository root), formatted; returns their texts."""
    the_spec = the_spec or spec.load()
    plan = planning.make_plan(the_spec)
    files = render.render_all(plan)
    for directory in GENERATED_DIRS:
        target = out / directory
        if target.exists():
            for old in target.glob("*.py"):
                old.unlink()
        target.mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # FUNCTIONS.md too: ruff formats the Python blocks of Markdown files.
    format_python(out, [*(out / d for d in GENERATED_DIRS), out / "FUNCTIONS.md"])
    if not quiet:
        creating = ", ".join(planning.iter_creating(plan))
        print(f"generated {len(files)} files from spec sha256 {plan.sha256[:12]}")
        print(f"operations that create (retried only where safe): {creating}")
        print(f"operations that page: {', '.join(planning.iter_paging(plan))}")
        for quirk in quirks.summaries():
            print(f"spec quirk handled by quirks.{quirk}")
        for defect in plan.defects:
            print(f"spec defect met in this spec: {defect}")
    return {k: (out / k).read_text(encoding="utf-8") for k in files}


def format_python(root: Path, paths: list[Path]) -> None:
    """`ruff check --fix` then `ruff format`, with the repository's configuration."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    config = ["--config", str(spec.ROOT / "pyproject.toml")]
    targets = [str(p) for p in paths]
    subprocess.run([ruff, "format", "--quiet", *config, *targets], check=True, cwd=root)
    subprocess.run([ruff, "check", "--fix-only", "--quiet", "--exit-zero", *config, *targets], check=True, cwd=root)
    subprocess.run([ruff, "format", "--quiet", *config, *targets], check=True, cwd=root)


def check(root: Path) -> list[str]:
    """The generated files that differ from what the generator makes now (added, changed or stale)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(Path(tmp), quiet=True)
    differ = []
    for relative, text in sorted(fresh.items()):
        path = root / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            differ.append(relative)
    for directory in GENERATED_DIRS:
        for path in sorted((root / directory).glob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative not in fresh:
                differ.append(relative)
    return differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 and list the files that are out of date")
    args = parser.parse_args(argv)
    if args.check:
        differ = check(spec.ROOT)
        for relative in differ:
            print(f"out of date: {relative}")
        if differ:
            print("run `python -m codegen` and commit the result", file=sys.stderr)
            return 1
        print("generated files are up to date")
        return 0
    generate(spec.ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
