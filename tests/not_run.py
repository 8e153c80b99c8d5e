"""What a bare clone cannot run, said once at the end instead of failing.

Two things are not in this repository: the Mistral OpenAPI document (the generator's input, which
is never committed) and Node.js (Prism and pyright are npm packages). A test that reads the spec is
marked `needs_spec` (or, when its module reads the spec at import, calls `skip_module_without_spec()`
before doing so); a test that runs Prism uses the `prism_url` fixture and is marked `prism` by
tests/conftest.py. Without what they need they are skipped with a reason starting with one of the
TAGS below, and tests/conftest.py lists them in one block at the end of the run, with the command
that runs them. Under `CI=true` nothing is skipped for either reason: a missing spec or Node.js fails.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

from codegen.spec import spec_path

SPEC = "[needs the OpenAPI spec]"
NODE = "[needs Node.js]"
FAST = "[left out by --fast]"
TAGS = {
    SPEC: "MISTRAL_OPENAPI_SPEC=/path/to/mistral-openapi.yaml scripts/test",
    NODE: "install Node.js >= 18 (with npm), then scripts/test",
    FAST: "scripts/test (without --fast)",
}
"""Each tag's skip reason prefix, and how to run what it skipped."""
STEPS_ENV = "MISTRAL_FN_NOT_RUN"
"""scripts/test's own steps it did not run, one `TAG<tab>what` a line, to go in the same block."""
QUIET_ENV = "MISTRAL_FN_NOT_RUN_QUIET"
"""Set by scripts/test for the runs on other Pythons, so the block is printed once, by the last run."""


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def spec_file() -> Path:
    """Where the spec is looked for: `MISTRAL_OPENAPI_SPEC`, else `../shared/openapi/` beside the repo."""
    return spec_path()


def have_spec() -> bool:
    return spec_file().is_file()


def have_node() -> bool:
    return shutil.which("node") is not None and shutil.which("npm") is not None


def missing_spec() -> str:
    return f"{SPEC} no file at {spec_file()} (set MISTRAL_OPENAPI_SPEC)"


def missing_node() -> str:
    return f"{NODE} node and npm are not on PATH"


def not_run(reason: str, *, allow_module_level: bool = False) -> None:
    """Skip with `reason`; under CI=true, fail with it instead."""
    if on_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=allow_module_level)


def skip_module_without_spec() -> None:
    """Call at the top of a module that reads the spec at import, before it does."""
    if not have_spec():
        # The module's name makes each reason unique: xdist drops module skips with the same reason and place.
        module = sys._getframe(1).f_globals["__name__"]
        not_run(f"{missing_spec()}; {module} reads it at import", allow_module_level=True)
