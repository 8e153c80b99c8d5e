"""Installed and zipped size of a distribution and its dependencies, in this interpreter's env.

    python sizes.py DIST [DIST...]     # prints one JSON line per DIST: the closure and the alone sizes

Installed size: the files each distribution's RECORD lists inside site-packages (dist-info
included), without __pycache__/*.pyc. Zipped: those files deflated at level 9 under python/, the
way a Lambda layer holds them (what `zip -9 -r` gives). pip, setuptools and wheel never count.
"""

import io
import json
import os
import re
import sys
import zipfile
from importlib import metadata

from pip._vendor.packaging.requirements import Requirement  # pip is in every venv; no extra dependency

EXCLUDED = {"pip", "setuptools", "wheel"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root: str) -> list[metadata.Distribution]:
    """`root` and every distribution it requires here (markers evaluated, extras not taken)."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = _norm(todo.pop())
        if name in seen or name in EXCLUDED:
            continue
        dist = metadata.distribution(name)
        seen[name] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted(seen.values(), key=lambda d: _norm(d.metadata["Name"]))


def files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(absolute path, path relative to site-packages) of the files the distribution installed there."""
    base = str(dist.locate_file(""))
    out = []
    for f in dist.files or []:
        rel = os.path.normpath(str(f))
        if rel.startswith("..") or "__pycache__" in rel.split(os.sep) or rel.endswith(".pyc"):
            continue
        path = os.path.join(base, rel)
        if os.path.isfile(path):
            out.append((path, rel))
    return out


def measure(dists: list[metadata.Distribution]) -> dict[str, int]:
    entries = sorted({rel: path for d in dists for path, rel in files(d)}.items())
    installed = sum(os.path.getsize(path) for _, path in entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for rel, path in entries:
            z.write(path, "python/" + rel)
    return {"installed": installed, "zipped": len(buffer.getvalue()), "files": len(entries)}


def main() -> None:
    for root in sys.argv[1:]:
        dists = closure(root)
        per_dist = {d.metadata["Name"]: measure([d])["installed"] for d in dists}
        print(
            json.dumps(
                {
                    "root": root,
                    "distributions": [f"{d.metadata['Name']}=={d.version}" for d in dists],
                    "full": measure(dists),
                    "alone": measure([metadata.distribution(root)]),
                    "per_distribution": per_dist,
                }
            )
        )


if __name__ == "__main__":
    main()
