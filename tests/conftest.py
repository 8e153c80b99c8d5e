"""Fixtures every test directory may use, the markers, and the block listing what did not run."""

import os
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest

from mistral_fn import Session
from tests import not_run
from tests.loopback import Loopback

API_KEY = "sk-test-0123456789abcdef"

MARKERS = {
    "needs_spec": "reads the Mistral OpenAPI document (MISTRAL_OPENAPI_SPEC); skipped and listed at the end "
    "without it, a failure under CI=true",
    "prism": "runs against Prism, the OpenAPI mock (set on every test using the prism_url fixture); "
    "left out by scripts/test --fast",
    "load": "a load suite (thousands of calls from many threads); left out by scripts/test --fast",
    "fuzz": "a fuzz suite (hypothesis over arguments or responses); left out by scripts/test --fast",
    "pyright": "runs pyright from npm over examples and docs; left out by scripts/test --fast",
}


def pytest_configure(config: pytest.Config) -> None:
    for name, doc in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {doc}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "prism_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.prism)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("needs_spec") and not not_run.have_spec():
        not_run.not_run(not_run.missing_spec())
    if item.get_closest_marker("prism") and not not_run.have_node():
        not_run.not_run(not_run.missing_node())


def _reason(report: Any) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The random order's seed, then the block of what did not run."""
    _print_seed(terminalreporter, config)
    _print_not_run(terminalreporter)


def _print_seed(terminalreporter: Any, config: pytest.Config) -> None:
    """The test order's seed, also under -q (pytest-randomly prints it only in the header -q hides)."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(f"tests ran in a random order: replay it with --randomly-seed={seed}")


def _print_not_run(terminalreporter: Any) -> None:
    """One block: every step and test not run for want of the spec or Node.js, and how to run it."""
    if os.environ.get(not_run.QUIET_ENV):
        return
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in os.environ.get(not_run.STEPS_ENV, "").splitlines():
        tag, _, what = line.partition("\t")
        if tag in not_run.TAGS and what:
            found[tag][what] = []
    for report in terminalreporter.stats.get("skipped", []):
        reason = _reason(report)
        tag = next((t for t in not_run.TAGS if reason.startswith(t)), None)
        if tag is None:
            continue
        path, _, test = report.nodeid.partition("::")
        found[tag][path].append(test or "whole module")
    if not found:
        return
    terminalreporter.section("not run", sep="=")
    for tag, how in not_run.TAGS.items():
        if tag not in found:
            continue
        where = f" (none at {not_run.spec_file()})" if tag == not_run.SPEC else ""
        terminalreporter.write_line(f"{tag.strip('[]')}{where}:")
        for what, tests in sorted(found[tag].items()):
            count = "" if not tests else ": whole module" if tests == ["whole module"] else f": {len(tests)} test(s)"
            terminalreporter.write_line(f"  {what}{count}")
        terminalreporter.write_line(f"  to run them: {how}")


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


@pytest.fixture
def session(server: Loopback) -> Session:
    return Session(api_key=API_KEY, server_url=server.url, timeout_ms=10_000)
