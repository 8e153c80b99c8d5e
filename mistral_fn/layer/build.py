"""Build a layer: pick the operations, install the dependencies, copy the pruned package, zip."""

import platform as host
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .archive import write_zip
from .closure import import_closure, package_modules
from .deps import PLATFORMS, default_cache, install_dependencies
from .indexes import prune_operations_index
from .operations import read_operations, select_operations
from .trim import trim_dependencies

SOURCE = Path(__file__).resolve().parent.parent
"""The `mistral_fn` package folder the layer is cut from: the one this builder belongs to."""

MIN_PYTHON_MINOR = 10
"""mistral_fn needs Python 3.10 or later."""

INDEXES = ("", "funcs", "models")
"""The lazy index packages (`mistral_fn`, `.funcs`, `.models`): always in the layer."""


@dataclass(frozen=True)
class Layer:
    """A built layer: where it is, what it holds, how big it is."""

    path: Path
    operations: tuple[str, ...]
    python: str
    platform: str
    files: int
    unzipped_bytes: int
    zipped_bytes: int


def host_python() -> str:
    """The running Python's `major.minor`."""
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def host_platform() -> str:
    """The wheel platform of this machine's architecture (arm64 and aarch64 give aarch64)."""
    return "manylinux2014_aarch64" if host.machine().lower() in ("aarch64", "arm64") else "manylinux2014_x86_64"


def package_files(source: Path, operations: tuple[str, ...]) -> list[Path]:
    """The files of the package at `source` that the indexes and these operations import, relative to it."""
    modules = package_modules(source)
    top = source.name
    entries = [".".join(filter(None, (top, index))) for index in INDEXES]
    entries += [f"{top}.funcs.{name}" for name in operations]
    return sorted(modules[name].relative_to(source) for name in import_closure(modules, entries))


def build_layer(
    output: Path,
    functions: tuple[str, ...] | list[str] = (),
    *,
    python: str | None = None,
    platform: str | None = None,
    cache: Path | None = None,
    source: Path = SOURCE,
) -> Layer:
    """Write the layer zip for `functions` (all operations when empty) to `output`.

    Raises `UnknownOperationError` before doing anything if a name is not an operation, and
    `DependencyError` if pip fails; `output` is written only by a build that succeeds.
    """
    python = python or host_python()
    platform = platform or host_platform()
    if not re.fullmatch(r"3\.\d+", python) or int(python.split(".")[1]) < MIN_PYTHON_MINOR:
        raise ValueError(f"--python must be 3.{MIN_PYTHON_MINOR} or later, as major.minor (got {python!r})")
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; Lambda's are {', '.join(PLATFORMS)}")
    funcs_index = source / "funcs" / "__init__.py"
    known = read_operations(funcs_index)
    operations = select_operations(functions, known)
    files = package_files(source, operations)
    with tempfile.TemporaryDirectory(prefix="mistral_fn-layer-") as tmp:
        site = Path(tmp) / "python"
        install_dependencies(site, python=python, platform=platform, cache=cache or default_cache())
        trim_dependencies(site)
        for relative in files:
            target = site / source.name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            text = (source / relative).read_bytes()
            if relative == Path("funcs", "__init__.py") and len(operations) < len(known):
                text = prune_operations_index(text.decode("utf-8"), operations).encode("utf-8")
            target.write_bytes(text)
        stats = write_zip(Path(tmp), output)
    return Layer(
        path=output,
        operations=operations,
        python=python,
        platform=platform,
        files=stats.files,
        unzipped_bytes=stats.unzipped_bytes,
        zipped_bytes=stats.zipped_bytes,
    )
