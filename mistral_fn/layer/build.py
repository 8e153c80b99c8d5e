"""Build a layer: pick the operations, install the dependencies, copy the pruned package, zip."""

import platform as host
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .archive import write_zip
from .bytecode import compile_tree
from .deps import PLATFORMS, default_cache, install_dependencies
from .operations import read_operations, select_operations
from .package import FUNCS_INDEX, SOURCE, copy_package, package_files
from .trim import trim_dependencies

MIN_PYTHON_MINOR = 10
"""mistral_fn needs Python 3.10 or later."""


@dataclass(frozen=True)
class Layer:
    """A built layer: where it is, what it holds, how big it is."""

    path: Path
    operations: tuple[str, ...]
    python: str
    platform: str
    bytecode: bool
    """Whether the layer holds bytecode (only when built by the layer's own Python version)."""
    files: int
    unzipped_bytes: int
    zipped_bytes: int


def host_python() -> str:
    """The running Python's `major.minor`."""
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def host_platform() -> str:
    """The wheel platform of this machine's architecture (arm64 and aarch64 give aarch64)."""
    return "manylinux2014_aarch64" if host.machine().lower() in ("aarch64", "arm64") else "manylinux2014_x86_64"


def build_layer(
    output: Path,
    functions: tuple[str, ...] | list[str] = (),
    *,
    python: str | None = None,
    platform: str | None = None,
    cache: Path | None = None,
    bytecode: bool = True,
    source: Path = SOURCE,
) -> Layer:
    """Write the layer zip for `functions` (all operations when empty) to `output`.

    With `bytecode` (the default), the modules are compiled when this Python is the target one
    (see `bytecode.py`); `Layer.bytecode` tells whether they were.
    Raises, before installing anything, `UnknownOperationError` if a name is not an operation and
    `ClosureError` if the package imports a module it lacks; `DependencyError` if pip fails. `output`
    is written only by a build that succeeds.
    """
    python = python or host_python()
    platform = platform or host_platform()
    if not re.fullmatch(r"3\.\d+", python) or int(python.split(".")[1]) < MIN_PYTHON_MINOR:
        raise ValueError(f"--python must be 3.{MIN_PYTHON_MINOR} or later, as major.minor (got {python!r})")
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; Lambda's are {', '.join(PLATFORMS)}")
    operations = select_operations(functions, read_operations(source / FUNCS_INDEX))
    files = package_files(source, operations)
    compiled = bytecode and python == host_python()
    with tempfile.TemporaryDirectory(prefix="mistral_fn-layer-") as tmp:
        site = Path(tmp) / "python"
        install_dependencies(site, python=python, platform=platform, cache=cache or default_cache())
        trim_dependencies(site)
        copy_package(source, files, operations, site / source.name)
        if compiled:
            compile_tree(site)
        stats = write_zip(Path(tmp), output)
    return Layer(
        path=output,
        operations=operations,
        python=python,
        platform=platform,
        bytecode=compiled,
        files=stats.files,
        unzipped_bytes=stats.unzipped_bytes,
        zipped_bytes=stats.zipped_bytes,
    )
