"""The Lambda layer, end to end: build it, unzip it, run the example handler in a bare interpreter.

The layer is built for this machine (its Python, its architecture) so that it runs here. The
handler runs under `python -I -S -B` with only the layer's `python/` folder and the handler's folder
on `sys.path`: no site-packages, so every import must be satisfied by the layer itself.
"""

import importlib.util
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mistral_fn.layer import build_layer
from mistral_fn.layer.deps import REQUIREMENTS
from mistral_fn.layer.operations import read_operations
from tests.fixtures import chat_reply
from tests.layer.conftest import PLATFORM, PYTHON, ROOT, Built
from tests.loopback import Loopback

HANDLER_DIR = ROOT / "examples" / "lambda"
API_KEY = "sk-layer-test-0123456789"
ALL_OPERATIONS = read_operations(ROOT / "mistral_fn" / "funcs" / "__init__.py")

CHAT_RESPONSE = chat_reply("Claude Monet.")

# Runs the handler on each event read from stdin, then reports what was loaded from where.
DRIVER = """
import json, sys, sysconfig
layer, handler_dir = sys.argv[1], sys.argv[2]
sys.path[:0] = [layer, handler_dir]
from handler import handler

class Context:
    def get_remaining_time_in_millis(self):
        return 20_000

responses = [handler(event, Context()) for event in json.load(sys.stdin)]
allowed = (layer, handler_dir, sysconfig.get_path("stdlib"), sysconfig.get_path("platstdlib"))
files = [getattr(m, "__file__", None) for m in list(sys.modules.values())]
strays = sorted(f for f in files if f and not f.startswith(allowed))
funcs = sorted(n for n in sys.modules if n.startswith("mistral_fn.funcs.") and "._" not in n)
print(json.dumps({"responses": responses, "strays": strays, "funcs": funcs}))
"""


@pytest.fixture(scope="module")
def full_layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The layer of every operation, built through the Python API."""
    output = tmp_path_factory.mktemp("full-layer") / "layer.zip"
    build_layer(output, python=PYTHON, platform=PLATFORM)
    return output


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


def run_handler(
    layer: Built, events: list[dict[str, Any]], server_url: str, api_key: str | None = API_KEY
) -> dict[str, Any]:
    """The handler's responses to `events`, run in a fresh interpreter that sees only the layer."""
    env = {"MISTRAL_SERVER_URL": server_url, "PATH": "/usr/bin:/bin"}
    if api_key is not None:
        env["MISTRAL_API_KEY"] = api_key
    # -B: write no bytecode, as on Lambda, where /opt is read-only
    command = [sys.executable, "-I", "-S", "-B", "-c", DRIVER, str(layer.site), str(HANDLER_DIR)]
    done = subprocess.run(command, input=json.dumps(events), capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    assert report["strays"] == [], "modules loaded from outside the layer"
    return report


def prompt_event(prompt: str) -> dict[str, Any]:
    return {"httpMethod": "POST", "body": json.dumps({"prompt": prompt}), "isBase64Encoded": False}


def test_handler_answers_from_the_layer(chat_layer: Built, server: Loopback) -> None:
    """A prompt is answered with 200 and the model's text, using only the layer's code."""
    server.reply(200, CHAT_RESPONSE)
    report = run_handler(chat_layer, [prompt_event("Who is the best French painter?")], server.url)
    (response,) = report["responses"]
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"answer": "Claude Monet.", "model": "mistral-small-latest"}
    assert report["funcs"] == ["mistral_fn.funcs.chat_complete"]
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.header("Authorization") == f"Bearer {API_KEY}"
    assert request.json()["messages"] == [{"role": "user", "content": "Who is the best French painter?"}]


def test_upstream_429_gives_a_safe_502(chat_layer: Built, server: Loopback) -> None:
    """A rate-limited call answers 502 with our own words: neither the key nor the upstream body."""
    server.reply(429, {"message": f"upstream-secret-detail for {API_KEY}"}, headers={"Retry-After": "1"})
    (response,) = run_handler(chat_layer, [prompt_event("hi")], server.url)["responses"]
    assert response["statusCode"] == 502
    assert json.loads(response["body"]) == {"error": "the model service is busy; try again shortly"}
    assert API_KEY not in response["body"] and "upstream-secret-detail" not in response["body"]


def test_upstream_rejection_and_failure(chat_layer: Built, server: Loopback) -> None:
    """A 422 is a 400 naming the rejected fields (not the service's words); a 500 is a 502."""
    detail = [{"loc": ["body", "temperature"], "msg": "upstream-words", "type": "less_than_equal"}]
    server.reply(422, {"detail": detail})
    server.reply(500, {"message": "upstream-words"})
    first, second = run_handler(chat_layer, [prompt_event("a"), prompt_event("b")], server.url)["responses"]
    assert (first["statusCode"], json.loads(first["body"])) == (
        400,
        {"error": "the model service rejected these fields", "fields": ["temperature"]},
    )
    assert (second["statusCode"], json.loads(second["body"])) == (502, {"error": "the model service failed"})


def test_missing_api_key_is_a_500_and_sends_nothing(chat_layer: Built, server: Loopback) -> None:
    """No MISTRAL_API_KEY is the function's misconfiguration (MissingCredentialsError), not a bad request."""
    (response,) = run_handler(chat_layer, [prompt_event("hi")], server.url, api_key=None)["responses"]
    assert response["statusCode"] == 500
    assert json.loads(response["body"]) == {"error": "the function is not configured to call the model service"}
    assert server.requests == []


def test_bad_events_give_400_and_send_nothing(chat_layer: Built, server: Loopback) -> None:
    """No body, a body that is not JSON, no prompt, an unknown field: 400 each, and no request goes out."""
    events = [
        {"httpMethod": "POST"},
        {"body": "{not json"},
        {"body": json.dumps({"question": "hi"})},
        {"body": json.dumps({"prompt": "hi", "stream": True})},
    ]
    responses = run_handler(chat_layer, events, server.url)["responses"]
    assert [r["statusCode"] for r in responses] == [400, 400, 400, 400]
    assert all("error" in json.loads(r["body"]) for r in responses)
    assert server.requests == []


def test_layer_holds_only_the_named_operation(chat_layer: Built) -> None:
    """One operation module, no testing/layer/codegen packages, no console scripts."""
    names = chat_layer.names
    funcs = sorted(
        n.rpartition("/")[2] for n in names if n.startswith("python/mistral_fn/funcs/") and "__pycache__" not in n
    )
    assert funcs == ["__init__.py", "_spec.py", "chat_complete.py"]
    assert not [n for n in names if n.startswith(("python/mistral_fn/testing/", "python/mistral_fn/layer/"))]
    assert not [n for n in names if "codegen" in n]
    assert not [n for n in names if n.startswith("python/bin/") or not n.startswith("python/")]
    assert {"python/mistral_fn/__init__.py", "python/mistral_fn/models/__init__.py"} <= set(names)
    assert "python/mistral_fn/providers.py" in names  # Azure / Vertex AI sessions work with any operation
    assert "python/mistral_fn/otel.py" not in names  # tracing is imported only by those who ask for it


def test_bytecode_is_for_this_python_and_every_module(chat_layer: Built) -> None:
    """Each module has an unchecked-hash .pyc for this interpreter beside it, and there is no other .pyc."""
    names = set(chat_layer.names)
    sources = {n for n in names if n.endswith(".py")}
    compiled = {n for n in names if n.endswith(".pyc")}
    assert compiled == {importlib.util.cache_from_source(n) for n in sources}
    with zipfile.ZipFile(chat_layer.zip) as archive:
        pyc = archive.read(importlib.util.cache_from_source("python/mistral_fn/session.py"))
    assert pyc[:4] == importlib.util.MAGIC_NUMBER
    assert int.from_bytes(pyc[4:8], "little") == 0b01  # hash-based, not checked against the source


def test_layer_for_another_python(tmp_path: Path) -> None:
    """Another target Python gets its own compiled wheels, and no bytecode (only that Python could write it)."""
    other = "3.12" if PYTHON != "3.12" else "3.11"
    layer = build_layer(tmp_path / "layer.zip", ["chat_complete"], python=other, platform=PLATFORM)
    with zipfile.ZipFile(layer.path) as archive:
        names = archive.namelist()
    assert not layer.bytecode and not [n for n in names if n.endswith(".pyc")]
    extensions = [n for n in names if n.endswith(".so")]
    tag = f"cpython-{other.replace('.', '')}"
    assert extensions and all(tag in n for n in extensions), extensions


def test_dist_info_keeps_only_metadata_and_licenses(chat_layer: Built) -> None:
    """Every installed distribution keeps METADATA (version look-ups) and its license files, nothing else."""
    dist_infos = sorted(p for p in chat_layer.site.iterdir() if p.name.endswith(".dist-info"))
    assert len(dist_infos) >= len(REQUIREMENTS)
    for dist_info in dist_infos:
        files = [p.relative_to(dist_info) for p in dist_info.rglob("*") if p.is_file()]
        assert Path("METADATA") in files
        assert [f for f in files if f.parts[0] == "licenses" or "licen" in f.name.lower()], dist_info.name
        assert all(f == Path("METADATA") or f.parts[0] == "licenses" or "licen" in f.name.lower() for f in files)


def test_left_out_operation_fails_clearly(chat_layer: Built) -> None:
    """An operation or model left out of the layer is an ImportError naming it, not a ModuleNotFoundError."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import mistral_fn\n"
        "assert 'chat_complete' in dir(mistral_fn) and 'embeddings_create' not in dir(mistral_fn)\n"
        "from mistral_fn import chat_complete\n"
        "from mistral_fn.models import ChatCompletionResponse\n"
        "from mistral_fn.providers import azure, gcp\n"
        "try:\n"
        "    from mistral_fn.models import EmbeddingRequest\n"
        "except ImportError as e:\n"
        "    assert type(e) is ImportError and 'EmbeddingRequest' in str(e), repr(e)\n"
        "from mistral_fn import embeddings_create\n"
    )
    command = [sys.executable, "-I", "-S", "-B", "-c", code, str(chat_layer.site)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    last_line = done.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ImportError: cannot import name 'embeddings_create' from 'mistral_fn'"), last_line


def test_cli_prints_sizes_and_operations(chat_layer: Built) -> None:
    """The build reports the zip's size and the operations in it."""
    assert f"{chat_layer.zip.stat().st_size:,} bytes zipped" in chat_layer.stdout
    assert chat_layer.stdout.rstrip().endswith("operations (1):\n  chat_complete")


def test_one_operation_layer_is_smaller_than_the_full_one(chat_layer: Built, full_layer: Path) -> None:
    """Pruning pays: the chat_complete layer is smaller than the one holding every operation."""
    with zipfile.ZipFile(full_layer) as archive:
        names = archive.namelist()
    funcs = {
        n.rpartition("/")[2].removesuffix(".py")
        for n in names
        if n.startswith("python/mistral_fn/funcs/") and n.endswith(".py")
    }
    assert funcs - {"__init__", "_spec"} == ALL_OPERATIONS
    assert chat_layer.zip.stat().st_size < full_layer.stat().st_size


def test_two_builds_give_the_same_bytes(chat_layer: Built, tmp_path: Path) -> None:
    """Same inputs, same zip, byte for byte."""
    again = build_layer(tmp_path / "again.zip", ["chat_complete"], python=PYTHON, platform=PLATFORM)
    assert again.path.read_bytes() == chat_layer.zip.read_bytes()


def test_unknown_operation_is_refused_with_close_matches(tmp_path: Path) -> None:
    """A misspelt --function exits 2, suggests the real name and writes nothing."""
    output = tmp_path / "layer.zip"
    command = [sys.executable, "-m", "mistral_fn.layer", "build", "--function", "chat_compete"]
    command += ["--output", str(output)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "unknown operation 'chat_compete': did you mean chat_complete" in done.stderr
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_requirements_are_the_projects_dependencies() -> None:
    """The layer installs exactly what pyproject.toml declares."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert sorted(REQUIREMENTS) == sorted(pyproject["project"]["dependencies"])
