"""The official SDK (`mistralai`, a dev dependency) against MockServer, for every operation it offers.

An independent client: its strict pydantic models read every answer (streams to their end, downloads
whole), so an answer it cannot read fails here even where mistral_fn's lenient reading would pass.
The arguments are those of tests/testing/scenario.py (resources made first through mistral_fn on
the same mock), renamed where the SDK renames (`input` -> `inputs`, uploads as `{file_name, content}`).
"""

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from mistral_fn import Session
from mistral_fn.funcs import OPERATIONS
from mistral_fn.testing import MockServer
from tests.testing.scenario import arguments

mistralai = pytest.importorskip("mistralai.client", reason="the official SDK is a dev dependency")

# Where the SDK (newer than the spec) asks for what the spec does not have: these fail on the mock,
# as they would on any server that follows the spec; the test below checks they still fail so.
SPEC_DRIFT = {
    "beta_libraries_update": "PATCH /v1/libraries/{id} (the spec has PUT)",
    "beta_libraries_documents_update": "PATCH .../documents/{id} (the spec has PUT)",
    "ocr_process": "include_blocks, not a property of the spec's (closed) OCRRequest",
}

# Our operation name prefix -> the SDK's resource path.
RESOURCES = (
    ("beta_libraries_accesses_", "beta.libraries.accesses"),
    ("beta_libraries_documents_", "beta.libraries.documents"),
    ("beta_libraries_", "beta.libraries"),
    ("beta_agents_", "beta.agents"),
    ("beta_conversations_", "beta.conversations"),
    ("batch_jobs_", "batch.jobs"),
    ("audio_transcriptions_", "audio.transcriptions"),
    ("fine_tuning_jobs_", "fine_tuning.jobs"),
    ("agents_", "agents"),
    ("chat_", "chat"),
    ("classifiers_", "classifiers"),
    ("embeddings_", "embeddings"),
    ("files_", "files"),
    ("fim_", "fim"),
    ("models_", "models"),
    ("ocr_", "ocr"),
)
# What the SDK (3.x) no longer offers: the fine-tuning jobs API.
NOT_OFFERED = {
    "fine_tuning_jobs_cancel",
    "fine_tuning_jobs_create",
    "fine_tuning_jobs_get",
    "fine_tuning_jobs_list",
    "fine_tuning_jobs_start",
}


def sdk_method(client: Any, name: str) -> Any:
    """The SDK's method for our operation `name`, or None where the SDK has none."""
    prefix, path = next((p, r) for p, r in RESOURCES if name.startswith(p))
    target = client
    try:
        for part in path.split("."):
            target = getattr(target, part)
        return getattr(target, name[len(prefix) :])
    except AttributeError:
        return None


def sdk_arguments(method: Any, args: dict[str, Any]) -> dict[str, Any]:
    accepted = inspect.signature(method).parameters
    out: dict[str, Any] = {}
    for key, value in args.items():
        if key == "input" and "input" not in accepted and "inputs" in accepted:
            key = "inputs"
        if isinstance(value, tuple):
            value = {"file_name": value[0], "content": value[1]}
        out[key] = value
    if "metadata" in accepted and "metadata" not in out:
        out["metadata"] = {}  # left unset, SDK 3.7 sends its own unset sentinel as the query's JSON
    return out


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    with MockServer() as server:
        yield server


@pytest.fixture(scope="module")
def client(mock: MockServer) -> Any:
    return mistralai.Mistral(api_key="sdk-test-key", server_url=mock.url, timeout_ms=20_000)


def test_what_the_sdk_does_not_offer(client: Any) -> None:
    """The list of operations left out below is exactly what the SDK lacks (kept honest)."""
    missing = {name for name in OPERATIONS if sdk_method(client, name) is None}
    assert missing == NOT_OFFERED


@pytest.mark.parametrize("name", sorted(set(OPERATIONS) - NOT_OFFERED - set(SPEC_DRIFT)))
def test_official_sdk_reads_the_answer(mock: MockServer, client: Any, name: str) -> None:
    mock.reset()
    session = Session(api_key="k", server_url=mock.url, timeout_ms=20_000)
    method = sdk_method(client, name)
    answer = method(**sdk_arguments(method, arguments(session, name)))
    if name.endswith("_stream"):
        with answer as events:
            received = list(events)
        assert received, f"{name}: no events"
    elif name == "files_download":
        assert answer.read() == b'{"a": 1}\n'
    else:
        assert mock.requests_for(name), f"{name} did not reach its own route"


@pytest.mark.parametrize("name", sorted(SPEC_DRIFT))
def test_sdk_calls_beyond_the_spec_are_refused(mock: MockServer, client: Any, name: str) -> None:
    """The SDK's calls that drifted from the spec get the answer a spec-following server gives."""
    mock.reset()
    session = Session(api_key="k", server_url=mock.url, timeout_ms=20_000)
    method = sdk_method(client, name)
    with pytest.raises(Exception) as raised:  # the SDK's error classes differ per status
        method(**sdk_arguments(method, arguments(session, name)))
    assert "404" in str(raised.value) or "include_blocks" in str(raised.value), raised.value
