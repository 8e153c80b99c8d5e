"""FUNCTIONS.md: every function is listed with its signature, and every usage example runs."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from mistral_fn import Session
from mistral_fn.funcs import OPERATIONS
from tests.loopback import Loopback
from tests.not_run import skip_module_without_spec

skip_module_without_spec()  # before test_operations, which reads the spec at import

from tests.funcs.test_operations import BY_NAME, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "FUNCTIONS.md").read_text()
SECTIONS = dict(re.findall(r"^### `(\w+)`[^\n]*\n(.*?)(?=^### |^## |\Z)", TEXT, flags=re.M | re.S))


def example_of(name: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", SECTIONS[name], flags=re.S)
    assert len(blocks) == 2, f"{name}: expected a signature block and an example block"
    return blocks[1]


def test_every_operation_is_documented_once() -> None:
    """Each of the 74 functions has its own section."""
    assert sorted(SECTIONS) == sorted(OPERATIONS)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_example_runs_and_takes_the_ok_branch(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example needs only `session`, and against a server that answers it prints the Ok branch."""
    monkeypatch.chdir(tmp_path)  # files_download saves into the current directory
    code = example_of(name)
    out = io.StringIO()
    with Loopback() as server:
        serve(server, BY_NAME[name])
        session = Session(api_key="sk-test", server_url=server.url)
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"FUNCTIONS.md:{name}", "exec"), {"session": session})
        assert len(server.requests) == 1
    printed = out.getvalue()
    assert printed
    assert not re.match(r"^\w+Error: ", printed), printed
