"""The chat_complete layer, built once per test run and shared by the layer and Lambda runtime tests."""

import platform
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
PLATFORM = "manylinux2014_aarch64" if platform.machine().lower() in ("aarch64", "arm64") else "manylinux2014_x86_64"


@dataclass(frozen=True)
class Built:
    zip: Path
    site: Path
    """The unzipped layer's `python/` folder."""
    stdout: str

    @property
    def names(self) -> list[str]:
        with zipfile.ZipFile(self.zip) as archive:
            return archive.namelist()


@pytest.fixture(scope="session")
def chat_layer(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The chat_complete layer, built by the command line as a user would."""
    tmp = tmp_path_factory.mktemp("chat-layer")
    output = tmp / "layer.zip"
    command = [sys.executable, "-m", "mistral_fn.layer", "build", "--function", "chat_complete"]
    command += ["--output", str(output), "--python", PYTHON, "--platform", PLATFORM]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(output) as archive:
        archive.extractall(tmp / "unzipped")
    return Built(output, tmp / "unzipped" / "python", done.stdout)
