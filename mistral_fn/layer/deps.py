"""Install mistral_fn's runtime dependencies for the layer's Python and platform with pip."""

import os
import subprocess
import sys
from pathlib import Path

REQUIREMENTS = ("requests>=2.31", "attrs>=23.1", "cattrs>=23.2")
"""The `dependencies` of pyproject.toml (a test keeps the two the same)."""

PLATFORMS = ("manylinux2014_x86_64", "manylinux2014_aarch64")
"""Lambda's two architectures, x86_64 and arm64, as wheel platform tags."""


class DependencyError(Exception):
    """pip could not install the dependencies; the message carries its output."""


def default_cache() -> Path:
    """`$XDG_CACHE_HOME/mistral_fn-layer`, else `~/.cache/mistral_fn-layer`."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mistral_fn-layer"


def install_dependencies(target: Path, *, python: str, platform: str, cache: Path) -> None:
    """Install `REQUIREMENTS` and what they need into `target`, as wheels built for `python` on `platform`.

    All of them are pure-Python wheels except charset-normalizer (a requests dependency), which
    ships compiled ones: that is why the platform matters. Downloads are kept in `cache/pip`.
    """
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--target",
        str(target),
        "--only-binary=:all:",
        "--platform",
        platform,
        "--python-version",
        python,
        "--implementation",
        "cp",
        "--no-compile",  # a layer is read-only at run time; bytecode for the wrong Python is waste
        "--no-input",
        "--disable-pip-version-check",
        "--quiet",
        "--cache-dir",
        str(cache / "pip"),
        *REQUIREMENTS,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip()
        raise DependencyError(f"pip could not install {', '.join(REQUIREMENTS)} (exit {done.returncode}):\n{output}")
