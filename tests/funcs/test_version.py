"""One version string, in mistral_fn/_version.py: pyproject.toml reads it, `__version__` and the
User-Agent say it."""

import importlib.metadata
import re
from pathlib import Path

import mistral_fn
from mistral_fn._runtime.invoke import USER_AGENT
from mistral_fn._version import VERSION

PYPROJECT = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")


def test_pyproject_reads_the_version_from_the_package() -> None:
    assert re.search(r'^dynamic = \["version"\]', PYPROJECT, re.M)
    assert 'version = { attr = "mistral_fn._version.VERSION" }' in PYPROJECT
    assert not re.search(r"^version\s*=\s*\"", PYPROJECT, re.M)  # no second copy


def test_package_metadata_and_user_agent_say_the_same_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert mistral_fn.__version__ == VERSION
    assert importlib.metadata.version("mistral-fn") == VERSION
    assert USER_AGENT == f"mistral-fn/{VERSION} (python)"
