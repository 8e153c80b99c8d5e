"""Drop from the installed dependencies what a layer never uses at run time.

Dropped: `bin/` (console scripts whose first line names the build machine's Python), any bytecode
(the layer's own is compiled afterwards, reproducibly: see `bytecode.py`),
`tests/` folders inside packages, type stubs (`*.pyi`, `py.typed`), and in each `*.dist-info`
everything but `METADATA` and the license files. `METADATA` stays because libraries read their own
version through `importlib.metadata` (attrs does for `attrs.__version__`); licenses stay because
the layer redistributes the code. `RECORD` goes: it lists the files dropped here, and only pip
reads it, to uninstall, which nobody does in a layer. `INSTALLER`, `REQUESTED`, `WHEEL`,
`top_level.txt` and `entry_points.txt` (console scripts only, for these packages) go too.
"""

import shutil
from pathlib import Path

_LICENSE_PREFIXES = ("license", "licence", "copying", "notice", "authors")


def trim_dependencies(site: Path) -> None:
    """Remove, under the install folder `site`, the files a layer does not need."""
    shutil.rmtree(site / "bin", ignore_errors=True)
    for path in sorted(site.rglob("*"), reverse=True):  # children before their folders
        if path.is_dir():
            if path.name == "__pycache__" or (path.name in ("tests", "test") and path.parent != site):
                shutil.rmtree(path)
        elif _unneeded(path, site):
            path.unlink()


def _unneeded(path: Path, site: Path) -> bool:
    if path.suffix in (".pyc", ".pyi") or path.name == "py.typed":
        return True
    parts = path.relative_to(site).parts
    if parts[0].endswith(".dist-info"):
        return not (
            parts[1:] == ("METADATA",) or parts[1] == "licenses" or parts[-1].lower().startswith(_LICENSE_PREFIXES)
        )
    return False
