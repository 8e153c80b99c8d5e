"""Compile the layer's modules to bytecode for the target Python, so cold starts skip compiling.

Lambda mounts layers read-only at /opt, so Python cannot write the `__pycache__` it would use on the
next start: without bytecode in the layer, every cold start compiles every module it imports again
(importing the chat_complete handler: about 310 ms, against 140 ms with it; benchmarks/RESULTS.md).

The `.pyc` files are unchecked-hash ones (PEP 552): Python loads them without looking at the
source's timestamp, which zip extraction does not keep anyway, and they hold no timestamp, so the
same sources give the same bytes. Only the running interpreter can compile, so this needs the build
Python to be the layer's Python.
"""

import os
import subprocess
import sys
from pathlib import Path


class BytecodeError(Exception):
    """A module of the layer does not compile for the target Python."""


RUNTIME_PATH = "/opt/python"
"""Where Lambda puts a layer's `python/` folder: the file name recorded in the bytecode."""


def compile_tree(site: Path) -> None:
    """Write `__pycache__/*.pyc` next to every module under `site`, for the running Python's version."""
    # A fresh interpreter with a fixed hash seed: marshal's output depends on the state of the
    # process that compiles (string interning, reference counts), so compiling inside a busy
    # process, or with random hashing, could give other bytes for the same source.
    command = [sys.executable, "-m", "compileall", "-q", "-j", "1", "-d", RUNTIME_PATH]
    command += ["--invalidation-mode", "unchecked-hash", str(site)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        raise BytecodeError(f"some modules under {site} do not compile for Python {version}:\n{output}")
