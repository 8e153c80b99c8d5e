"""The documentation runs: every ```python block of README.md and FUNCTIONS.md, and every example script.

How the blocks reach the mock server. Each block runs in a fresh namespace holding `session`, a
Session on a module-scoped `MockServer` (FUNCTIONS.md's examples assume one), in a temporary working
directory. Blocks that make their own `Session()` must hit the mock too, without the docs showing a
fake address: the Session reads `MISTRAL_API_KEY` from the environment but takes its server from
`server=` (default "eu") looked up in the generated table `mistral_fn.funcs._spec.SERVERS`. So the
test sets `MISTRAL_API_KEY` and points that one table entry, "eu", at the mock (`monkeypatch.setitem`,
undone after each block). Nothing else is patched: blocks that name another `server_url` only make
dry runs, which send nothing.

A block passes when it raises nothing, when any `test_*` function it defines passes when called
(the README's copyable mock-server test), and when every operation it calls returned what the block
expects: `Ok`, except the `Err`s listed in `EXPECTED_ERRS`. The calls are seen where they return
(`tests/docs/calls.py` hands the block recording wrappers through its own `__import__`), not in
what the block prints. `test_*_fails_when_the_server_fails` proves the runner sees failures: with
every request answered 501 (a server error no retry policy retries, so the run takes seconds), every
block fails, except those listed in `SENDS_NOTHING`, which it checks send no request at all.
A block not meant to run is fenced as ```sh or ```text, never skipped:
`test_readme_fences_only_python_sh_or_text` holds README.md to that.

FUNCTIONS.md also holds each operation's signature as a ```python block. It is not a statement to
run, so it is checked as what it is, a declaration: compiled as a `def`, its parameters (names,
order, required or `UNSET`, and the per-call options its comment lists) must be the real function's.

Each example script runs in a subprocess with MISTRAL_API_KEY (and the cloud providers' variables)
unset: it must exit 0 and say on stderr that it used the local mock server. They start together
and each test waits for its own, which keeps this file well under a minute.
"""

import contextlib
import importlib
import inspect
import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from mistral_fn import UNSET, Session
from mistral_fn.funcs import _spec
from mistral_fn.testing import MOCK_NOTICE, MockServer
from mistral_fn.testing.server import Canned
from tests.docs.calls import Calls

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
HEADING = re.compile(r"^#{2,4} (.+)$", re.M)
SIGNATURE = re.compile(r"^(\w+)\(\n    session: Session,")
PER_CALL = re.compile(r"# per-call options: (.*)$", re.M)
PROVIDER_VARIABLES = ("AZURE_ENDPOINT", "AZURE_API_KEY", "GCP_PROJECT_ID", "GCP_REGION", "GCP_ACCESS_TOKEN")

XFAIL: dict[tuple[str, str], str] = {}

# (file, a snippet of the block) -> the Errs its calls return against a working server, in order.
EXPECTED_ERRS: dict[tuple[str, str], list[str]] = {
    ("README.md", '"role": "robot"'): ["chat_complete: Err(InvalidRequestError)"],  # shows a refused argument
    ("README.md", "cancel.set()"): ["chat_stream events: Err(RequestAbortedError)"],  # shows cancelling
    ("README.md", "def test_a_server_error_comes_back"): ["chat_complete: Err(MistralError)"],  # a queued 500
}
# Blocks no server can fail: they send nothing (dry runs, a refused argument, a subprocess probe).
SENDS_NOTHING: dict[tuple[str, str], str] = {
    ("README.md", '"role": "robot"'): "refused before sending",
    ("README.md", "print(prepare(models_list, session)"): "dry runs",
    ("README.md", "import subprocess"): "a subprocess checks imports; no operation is called",
    ("README.md", "match prepare(chat_complete"): "a dry run",
    ("README.md", "match prepare(embeddings_create"): "a dry run",
    ("README.md", "providers.azure("): "dry runs",
}


@dataclass(frozen=True)
class Block:
    file: str
    line: int
    heading: str
    code: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.heading}"


def python_blocks(name: str) -> list[Block]:
    """The ```python blocks of a Markdown file, each with its line and the heading above it."""
    text = (ROOT / name).read_text()
    headings = [(m.start(), m.group(1).strip("` ").split("`")[0]) for m in HEADING.finditer(text)]
    blocks = []
    for match in FENCE.finditer(text):
        if match.group(1) != "python":
            continue
        heading = next((h for start, h in reversed(headings) if start < match.start()), "top")
        blocks.append(Block(name, text.count("\n", 0, match.start()) + 1, heading, match.group(2)))
    return blocks


def params(blocks: list[Block], signatures: bool) -> list[Any]:
    chosen = [b for b in blocks if bool(SIGNATURE.match(b.code)) == signatures]
    return [
        pytest.param(b, id=b.id, marks=[pytest.mark.xfail(strict=True, reason=XFAIL[(b.file, b.heading)])])
        if (b.file, b.heading) in XFAIL and not signatures
        else pytest.param(b, id=b.id)
        for b in chosen
    ]


README_BLOCKS = python_blocks("README.md")
FUNCTIONS_BLOCKS = python_blocks("FUNCTIONS.md")


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    # FUNCTIONS.md's examples use the spec's example ids, which name nothing this mock made.
    with MockServer(adopt_unknown_ids=True) as server:
        yield server


class FailingMock(MockServer):
    """The mock, answering every request it routes 501; `sent` counts them over every instance."""

    sent: ClassVar[list[str]] = []

    def _next_canned(self, operation: str) -> Canned:
        FailingMock.sent.append(operation)
        return Canned(501, {"message": "the docs test server fails every request"})


@pytest.fixture(scope="module")
def failing() -> Iterator[FailingMock]:
    with FailingMock() as server:
        yield server


def _environment(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Session]:
    """The environment a block runs in: default server "eu" on `url`, a key in the environment."""
    monkeypatch.setitem(_spec.SERVERS, "eu", url)
    monkeypatch.setenv("MISTRAL_API_KEY", "sk-doc-test-0123456789abcdef")
    monkeypatch.delenv("MISTRAL_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    try:
        yield Session(server_url=url, timeout_ms=20_000)
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]


@pytest.fixture
def doc_env(mock: MockServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Session]:
    yield from _environment(mock.url, monkeypatch, tmp_path)


@pytest.fixture
def failing_env(failing: FailingMock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Session]:
    yield from _environment(failing.url, monkeypatch, tmp_path)


def run_block(block: Block, session: Session, calls: Calls) -> list[str]:
    """Run the block (and the `test_*` functions it defines); what went other than it expects."""
    namespace: dict[str, Any] = {"session": session, "__name__": "__docs__", "__builtins__": calls.builtins()}
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            exec(compile(block.code, f"{block.file}:{block.line}", "exec"), namespace)
            for name, value in list(namespace.items()):
                if name.startswith("test_") and callable(value):
                    value()
        except Exception as e:  # noqa: BLE001 - a block that raises has failed; say how
            return [f"raised {type(e).__name__}: {e}"]
    expected = next((errs for (file, snippet), errs in EXPECTED_ERRS.items() if _is(block, file, snippet)), [])
    seen = [str(outcome) for outcome in calls.errors()]
    return [] if seen == expected else [f"calls returned {seen or 'no Err'}, expected {expected or 'no Err'}"]


def _is(block: Block, file: str, snippet: str) -> bool:
    return block.file == file and snippet in block.code


def check(block: Block, session: Session) -> None:
    calls = Calls()
    problems = run_block(block, session, calls)
    assert not problems, f"{block.id}: {problems[0]}\ncalls: {[str(o) for o in calls.outcomes]}"


def test_the_docs_have_blocks_to_run() -> None:
    """Both files were read: README.md has runnable blocks, FUNCTIONS.md an example and a signature per function."""
    assert len(README_BLOCKS) >= 20
    signatures = [b for b in FUNCTIONS_BLOCKS if SIGNATURE.match(b.code)]
    assert len(signatures) == len({b.heading for b in signatures}) >= 74
    assert len(FUNCTIONS_BLOCKS) - len(signatures) >= len(signatures)


def test_readme_fences_only_python_sh_or_text() -> None:
    """Every README block is fenced python (run here), sh or text (not run): nothing is silently skipped."""
    languages = {m.group(1) for m in FENCE.finditer((ROOT / "README.md").read_text())}
    assert languages <= {"python", "sh", "text"}


@pytest.mark.parametrize("block", params(README_BLOCKS, signatures=False))
def test_readme_block_runs(block: Block, doc_env: Session) -> None:
    """A README.md block runs against the mock server, and its calls return what it expects."""
    check(block, doc_env)


@pytest.mark.parametrize("block", params(FUNCTIONS_BLOCKS, signatures=False))
def test_functions_example_runs(block: Block, doc_env: Session) -> None:
    """A FUNCTIONS.md example runs against the mock server, and the call it shows succeeds."""
    check(block, doc_env)


@pytest.mark.parametrize("block", params(FUNCTIONS_BLOCKS, signatures=True))
def test_functions_signature_is_the_real_one(block: Block) -> None:
    """A FUNCTIONS.md signature declares the function's real parameters, in order, and its per-call options."""
    name = SIGNATURE.match(block.code).group(1)  # type: ignore[union-attr]
    namespace: dict[str, Any] = {"UNSET": UNSET}
    exec(compile(f"from __future__ import annotations\ndef {block.code.rstrip()}: ...", block.id, "exec"), namespace)
    documented = inspect.signature(namespace[name]).parameters
    real = inspect.signature(getattr(importlib.import_module(f"mistral_fn.funcs.{name}"), name)).parameters
    per_call_comment = PER_CALL.search(block.code)
    assert per_call_comment is not None, "the signature lists no per-call options"
    per_call = [option.strip() for option in per_call_comment.group(1).split(",")]

    def own(parameters: Any) -> list[tuple[str, Any, bool]]:
        return [(p.name, p.kind, p.default is UNSET) for p in parameters.values() if p.name not in per_call]

    assert own(documented) == own(real)
    assert [p for p in real if p not in {n for n, _, _ in own(real)}] == per_call


def fails_against_a_failing_server(block: Block, session: Session) -> None:
    """Every call the block makes to a server gets 501 (its own MockServer too): the runner must fail it."""
    calls = Calls(replace={"MockServer": FailingMock})
    before = len(FailingMock.sent)
    problems = run_block(block, session, calls)
    sent = len(FailingMock.sent) - before
    sends_nothing = next((why for (file, snippet), why in SENDS_NOTHING.items() if _is(block, file, snippet)), None)
    if sends_nothing is not None:
        assert sent == 0 and not problems, f"listed as sending nothing ({sends_nothing}): {sent} sent, {problems}"
    else:
        assert sent > 0, f"{block.id} sent no request: list it in SENDS_NOTHING, saying why"
        assert problems, f"{block.id} passed though its {sent} request(s) were answered 501"


@pytest.mark.parametrize("block", [pytest.param(b, id=b.id) for b in README_BLOCKS])
def test_readme_block_fails_when_the_server_fails(block: Block, failing_env: Session) -> None:
    """With every request answered 501, a README block that sends one fails: the runner sees each Err."""
    fails_against_a_failing_server(block, failing_env)


@pytest.mark.parametrize("block", [b for b in FUNCTIONS_BLOCKS if not SIGNATURE.match(b.code)], ids=lambda b: b.id)
def test_functions_example_fails_when_the_server_fails(block: Block, failing_env: Session) -> None:
    """With every request answered 501, every FUNCTIONS.md example fails."""
    fails_against_a_failing_server(block, failing_env)


@pytest.fixture(scope="module")
def example_runs() -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Every example started at once against its own mock server (MISTRAL_API_KEY unset)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MISTRAL_API_KEY", "MISTRAL_SERVER_URL", "MISTRAL_DEBUG")}
    for variable in PROVIDER_VARIABLES:
        env.pop(variable, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    runs = {
        path.name: subprocess.Popen(
            [sys.executable, str(path)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for path in EXAMPLES
    }
    yield runs
    for process in runs.values():
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("script", [p.name for p in EXAMPLES])
def test_example_runs_against_the_mock(script: str, example_runs: dict[str, subprocess.Popen[str]]) -> None:
    """An example run without MISTRAL_API_KEY exits 0 and says it used the local mock server."""
    try:
        stdout, stderr = example_runs[script].communicate(timeout=60)
    except subprocess.TimeoutExpired:
        example_runs[script].kill()
        pytest.fail(f"examples/{script} did not finish in 60 s")
    assert example_runs[script].returncode == 0, f"examples/{script} failed:\n{stdout}\n{stderr}"
    assert MOCK_NOTICE in stderr, f"examples/{script} did not say it used the mock:\n{stderr}"
