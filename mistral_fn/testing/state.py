"""What the mock server remembers, and the answers it builds from it and from the project's own models.

Resources live in collections keyed by their concrete path (`/v1/files`, `/v1/libraries/<id>/documents`):
what is created exists until deleted, an unknown id is a 404 in the API's error shape, lists page
through what exists (0-based `page`, `page_size`), and deletes delete. Jobs have life cycles (jobs.py).
"""

import datetime as dt
import importlib
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

from .._runtime import convert
from .._runtime.invoke import Operation
from . import fakes, jobs, replies
from .replies import MOCK_REPLY, Script
from .shapes import fill, listing, shape
from .streaming import completion_frames, conversation_frames, typed_frames

__all__ = ["MOCK_REPLY", "NotFound", "Store", "route_table"]

# Collections whose members are kept: a path parameter naming one must name something that exists.
STATEFUL = frozenset(
    {
        "/v1/files",
        "/v1/batch/jobs",
        "/v1/fine_tuning/jobs",
        "/v1/agents",
        "/v1/conversations",
        "/v1/libraries",
        "/v1/libraries/{}/documents",
        "/v1/models",
    }
)
# Fine-tuned models are the same models as /v1/models/{model_id}.
_ALIASES = {"/v1/fine_tuning/models": "/v1/models"}

BASE_MODELS = (
    "mistral-small-latest",
    "mistral-medium-latest",
    "mistral-large-latest",
    "codestral-latest",
    "ministral-8b-latest",
    "open-mistral-7b",
    "open-mistral-nemo",
    "pixtral-large-latest",
    "mistral-embed",
    "codestral-embed",
    "mistral-moderation-latest",
    "mistral-ocr-latest",
    "voxtral-mini-latest",
)


class NotFound(Exception):
    """An id that names nothing the mock holds: answered 404 with the API's error body."""

    def body(self) -> dict[str, Any]:
        return {"object": "error", "message": str(self), "type": "invalid_request_error", "param": None, "code": None}


def route_table() -> list[tuple[str, Operation, re.Pattern[str]]]:
    """(name, operation, path pattern) of every operation, read from the generated modules."""
    from ..funcs import OPERATIONS

    routes = []
    for name in sorted(OPERATIONS):
        op: Operation = importlib.import_module(f"mistral_fn.funcs.{name}").OPERATION
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(op.path))
        routes.append((name, op, re.compile(pattern)))
    # Literal paths before templated ones, so /v1/agents/completions is not read as /v1/agents/{id}.
    routes.sort(key=lambda r: (r[1].path.count("{"), -len(r[1].path)))
    return routes


def _template(path: str) -> str:
    """`/v1/libraries/{library_id}/documents` -> `/v1/libraries/{}/documents`."""
    template = re.sub(r"\{\w+\}", "{}", path)
    return _ALIASES.get(template, template)


def _steps(op_path: str, path: dict[str, str]) -> list[tuple[str, str, str]]:
    """(parameter, collection template, concrete collection) for each path parameter, in order."""
    steps = []
    for match in re.finditer(r"\{(\w+)\}", op_path):
        prefix = op_path[: match.start()].rstrip("/")
        concrete = re.sub(r"\{(\w+)\}", lambda m: path.get(m.group(1), ""), prefix)
        steps.append((match.group(1), _template(prefix), _ALIASES.get(concrete, concrete)))
    return steps


def _concrete(op_path: str, path: dict[str, str]) -> str:
    concrete = re.sub(r"\{(\w+)\}", lambda m: path.get(m.group(1), ""), op_path)
    return _ALIASES.get(concrete, concrete)


Handler = Callable[["Store", Operation, dict[str, str], Any, dict[str, list[str]], Script | None], tuple[int, Any]]


class Store:
    """Resources created through the mock, by collection, with the rules that answer each operation."""

    def __init__(self, auto_advance: bool = True, adopt_unknown_ids: bool = False) -> None:
        self.lock = threading.RLock()
        self.collections: dict[str, dict[str, dict[str, Any]]] = {}
        self.contents: dict[str, bytes] = {}
        self.auto_advance = auto_advance
        """Each GET of a job moves it one step through its life cycle (else only `advance_jobs` does)."""
        self.adopt_unknown_ids = adopt_unknown_ids
        """An unknown id in a path is taken as naming a resource that exists (for docs examples)."""
        self.base_url = "http://127.0.0.1"
        self._endpoints: dict[str, tuple[str, Operation]] | None = None
        models = self.collection("/v1/models")
        for model_id in BASE_MODELS:
            models[model_id] = _base_model(model_id)

    # -- the collections -------------------------------------------------------------------
    def collection(self, concrete: str) -> dict[str, dict[str, Any]]:
        return self.collections.setdefault(concrete, {})

    def get(self, concrete: str, key: str) -> dict[str, Any]:
        item = self.collections.get(concrete, {}).get(key)
        if item is None:
            raise NotFound(f"No {_noun(concrete)} found with id {key!r}")
        return item

    def require(self, concrete: str, key: str) -> dict[str, Any]:
        """The resource, made up first if the store adopts unknown ids; else NotFound when missing."""
        if self.adopt_unknown_ids and key not in self.collection(concrete):
            self._adopt(_template(concrete), concrete, key)
        return self.get(concrete, key)

    def put(self, concrete: str, item: dict[str, Any], key: str | None = None) -> dict[str, Any]:
        self.collection(concrete)[key or str(item["id"])] = item
        return item

    def new_file(self, filename: str, content: bytes, purpose: str) -> dict[str, Any]:
        """Store a file as if uploaded (batch output files are made this way)."""
        file_id = fakes.new_id()
        item: dict[str, Any] = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "created_at": fakes.now(),
            "filename": filename,
            "purpose": purpose,
            "sample_type": "batch_result" if purpose == "batch" else "instruct",
            "source": "mistral" if purpose == "batch" else "upload",
            "num_lines": content.count(b"\n") + (0 if content.endswith(b"\n") or not content else 1),
            "mimetype": "application/jsonl" if filename.endswith(".jsonl") else "application/octet-stream",
            "signature": None,
        }
        self.contents[file_id] = content
        return self.put("/v1/files", item)

    def run_request(self, endpoint: str, body: Any) -> tuple[int, Any]:
        """The mock's answer to one request of a batch job: POST `endpoint` with `body`, checked first."""
        if self._endpoints is None:
            table = route_table()
            self._endpoints = {op.path: (n, op) for n, op, _ in table if op.method == "POST" and op.events is None}
        found = self._endpoints.get(endpoint)
        if found is None:
            return 404, {"detail": "Not Found"}
        name, op = found
        try:
            convert.check(body, op.body)
        except convert.ConversionError as e:
            return 422, {"detail": [{"loc": ["body", *reversed(e.path)], "msg": e.problem, "type": "value_error"}]}
        try:
            return self.answer(name, op, {}, body)
        except NotFound as e:
            return 404, e.body()

    def advance_jobs(self, steps: int = 1) -> None:
        """Move every job that is not finished `steps` steps on (QUEUED -> RUNNING -> SUCCESS)."""
        with self.lock:
            for _ in range(steps):
                for job in list(self.collection("/v1/batch/jobs").values()):
                    jobs.advance_batch(self, job)
                for job in list(self.collection("/v1/fine_tuning/jobs").values()):
                    jobs.advance_fine_tuning(self, job)

    # -- answering -------------------------------------------------------------------------
    def answer(
        self,
        name: str,
        op: Operation,
        path: dict[str, str],
        body: Any,
        query: dict[str, list[str]] | None = None,
        script: Script | None = None,
    ) -> tuple[int, Any]:
        """The status and JSON (or bytes, or None) that answer a valid request; raises NotFound."""
        with self.lock:
            self._check_path(op, path)
            handler = _HANDLERS.get(name, _generic)
            return handler(self, op, path, body, query or {}, script)

    def _check_path(self, op: Operation, path: dict[str, str]) -> None:
        for param, template, concrete in _steps(op.path, path):
            if template not in STATEFUL:
                continue
            self.require(concrete, path[param])

    def _adopt(self, template: str, concrete: str, key: str) -> None:
        """Make up the resource `key` names, as if it had been created earlier."""
        made: dict[str, Any]
        if template == "/v1/files":
            made = self.new_file("data.jsonl", b'{"mock": true}\n', "fine-tune")
        elif template == "/v1/batch/jobs":
            body: dict[str, Any] = {"endpoint": "/v1/embeddings"}
            made = jobs.batch_create(self, _operation("batch_jobs_create"), {}, body, {}, None)[1]
        elif template == "/v1/fine_tuning/jobs":
            body = {"model": "open-mistral-7b", "hyperparameters": {}}
            made = jobs.fine_tuning_create(self, _operation("fine_tuning_jobs_create"), {}, body, {}, None)[1]
        elif template == "/v1/agents":
            body = {"model": "mistral-medium-latest", "name": "mock"}
            made = _agents_create(self, _operation("beta_agents_create"), {}, body, {}, None)[1]
        elif template == "/v1/conversations":
            body = {"inputs": "Hello", "model": "mistral-medium-latest"}
            answer = _conversation_start(self, _operation("beta_conversations_start"), {}, body, {}, None)[1]
            made = self.collection(concrete)[answer["conversation_id"]]
        elif template == "/v1/models":
            made = {**_base_model(key), "id": "-"}
        elif template == "/v1/libraries":
            made = _generic(self, _operation("beta_libraries_create"), {}, {"name": "mock"}, {}, None)[1]
        else:
            made = {"id": "-", **fill(_model(_operation("beta_libraries_documents_get")), {})}
        old = str(made["id"])
        self.collection(concrete).pop(old, None)
        self.collection(concrete)[key] = {**made, "id": key}
        if old in self.contents:
            self.contents[key] = self.contents.pop(old)
        moved = f"{concrete}/{old}/"
        for prefixed in [c for c in self.collections if c.startswith(moved)]:
            items = self.collections.pop(prefixed)
            for item in items.values():
                if item.get("id") == old:
                    item["id"] = key
            self.collections[f"{concrete}/{key}/" + prefixed[len(moved) :]] = items

    def events(self, name: str, op: Operation, path: dict[str, str], body: Any, script: Script | None) -> Iterator[str]:
        """The SSE frames of a streaming operation, ending with `data: [DONE]` where the API does."""
        with self.lock:
            self._check_path(op, path)
            if op.collect_into is not None:
                frames = list(completion_frames(body, replies.reply(body, script), op.collect_into.__name__))
            elif name.startswith("beta_conversations"):
                _, answer = _HANDLERS[name.removesuffix("_stream")](self, op, path, body, {}, script)
                frames = list(conversation_frames(answer))
            else:
                frames = list(typed_frames(op.events))
        yield from frames
        if op.end_marker is not None:
            yield f"data: {op.end_marker}\n\n"


# -- answers for each kind of operation ------------------------------------------------------
def _operation(name: str) -> Operation:
    op: Operation = importlib.import_module(f"mistral_fn.funcs.{name}").OPERATION
    return op


def _model(op: Operation) -> Any:
    return next(iter(op.ok.values()))


def _status(op: Operation) -> int:
    status: int = next(iter(op.ok))
    return status


def _generic(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    model, status = _model(op), _status(op)
    concrete = _concrete(op.path, path)
    template = _template(op.path)
    if op.creates:
        made = fill(model, {k: v for k, v in path.items()}, body)
        if isinstance(made, dict) and "id" in made:
            store.put(concrete, made)
        return status, made
    steps = _steps(op.path, path)
    last_is_item = bool(steps) and op.path.endswith("}") and steps[-1][1] in STATEFUL
    if last_is_item:
        param, _, parent = steps[-1]
        stored = store.get(parent, path[param])
        if op.method == "DELETE":
            _delete(store, parent, path[param])
            return status, None if model is None else fill(model, {}, {"id": path[param], "deleted": True})
        if op.method in ("PATCH", "PUT") and isinstance(body, dict):
            stored.update((k, v) for k, v in body.items() if v is not None and not isinstance(v, tuple))
            stored["updated_at"] = _now_iso() if isinstance(stored.get("updated_at"), str) else stored.get("updated_at")
        return status, shape(model, stored)
    if op.method == "GET" and template in STATEFUL:
        return status, listing(model, list(store.collection(concrete).values()), query)
    if model is None:
        return status, None
    return status, fill(model, path, body)


def _delete(store: Store, parent: str, key: str) -> None:
    store.collection(parent).pop(key, None)
    store.contents.pop(key, None)
    prefix = f"{parent}/{key}/"
    for concrete in [c for c in store.collections if c.startswith(prefix)]:
        del store.collections[concrete]  # a library's documents go with it


def _completion(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    said = replies.reply(body, script)
    model = body.get("model") if isinstance(body, dict) else None
    choices = [{"index": 0, "message": said.message(), "finish_reason": said.finish_reason}]
    answer = {
        "id": fakes.new_id(),
        "object": "chat.completion",
        "model": model or "mistral-small-latest",
        "usage": said.usage(),
        "created": fakes.now(),
        "choices": choices,
    }
    return _status(op), answer


def _embeddings(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    return _status(op), replies.embeddings(body)


def _files_upload(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    filename, content = _upload(body)
    purpose = body.get("purpose") if isinstance(body, dict) and body.get("purpose") else "fine-tune"
    item = store.new_file(filename, content, str(purpose))
    return _status(op), shape(_model(op), item)


def _upload(body: Any) -> tuple[str, bytes]:
    file = body.get("file") if isinstance(body, dict) else None
    if isinstance(file, tuple) and len(file) >= 2:
        return str(file[0] or "upload"), bytes(file[1])
    return "upload", b""


def _files_download(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    return _status(op), store.contents.get(path["file_id"], b"")


def _signed_url(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    url = f"{store.base_url}/__mock__/signed/{'/'.join(path.values())}"
    model = _model(op)
    return _status(op), url if model is str else fill(model, {}, {"url": url})


def _models_list(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    return _status(op), listing(_model(op), list(store.collection("/v1/models").values()), {})


def _models_archive(archived: bool) -> Handler:
    def handler(
        store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], s: Script | None
    ) -> tuple[int, Any]:
        stored = store.get("/v1/models", path["model_id"])
        stored["archived"] = archived
        return _status(op), fill(_model(op), {}, {"id": path["model_id"], "archived": archived})

    return handler


def _document_upload(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    filename, content = _upload(body)
    extension = filename.rsplit(".", 1)[-1] if "." in filename else None
    made = fill(_model(op), {}, {"library_id": path["library_id"], "name": filename, "size": len(content)})
    # The API now also sends `process_status` (the official SDK 3.x requires it); the spec still names
    # `processing_status`. DocumentOut is an open schema, so both are sent.
    made.update(processing_status="Completed", process_status="done", extension=extension, created_at=_now_iso())
    store.put(f"/v1/libraries/{path['library_id']}/documents", made)
    store.contents[made["id"]] = content
    library = store.get("/v1/libraries", path["library_id"])
    library["nb_documents"] = len(store.collection(f"/v1/libraries/{path['library_id']}/documents"))
    library["total_size"] = int(library.get("total_size") or 0) + len(content)
    return _status(op), made


def _document_text(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    text = store.contents.get(path["document_id"], b"").decode("utf-8", "replace")
    return _status(op), {"text": text}


def _document_status(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    document = store.get(f"/v1/libraries/{path['library_id']}/documents", path["document_id"])
    status = {k: document[k] for k in ("processing_status", "process_status") if k in document}
    return _status(op), {"document_id": path["document_id"], **status}


def _agents_create(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    made = fill(_model(op), {}, body)
    made.update(version=0, created_at=_now_iso(), updated_at=_now_iso())
    store.put("/v1/agents", made)
    store.put(f"/v1/agents/{made['id']}/versions", dict(made), "0")
    return _status(op), made


def _agents_update(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    agent = store.get("/v1/agents", path["agent_id"])
    agent.update((k, v) for k, v in (body or {}).items() if v is not None)
    agent.update(version=int(agent.get("version") or 0) + 1, updated_at=_now_iso())
    store.put(f"/v1/agents/{agent['id']}/versions", dict(agent), str(agent["version"]))
    return _status(op), shape(_model(op), agent)


def _agents_get(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    """The agent, or the version `agent_version` names (a number or an alias)."""
    agent = store.get("/v1/agents", path["agent_id"])
    given = query.get("agent_version")
    if given:
        wanted = given[0]
        if not wanted.isdigit():
            wanted = str(store.get(f"/v1/agents/{path['agent_id']}/aliases", wanted)["version"])
        agent = store.get(f"/v1/agents/{path['agent_id']}/versions", wanted)
    return _status(op), shape(_model(op), agent)


def _agents_versions(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    versions = list(store.collection(f"/v1/agents/{path['agent_id']}/versions").values())
    return _status(op), listing(_model(op), versions, query)


def _agents_get_version(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    versions = store.collection(f"/v1/agents/{path['agent_id']}/versions")
    if store.adopt_unknown_ids and path["version"] not in versions:
        return _status(op), shape(_model(op), store.get("/v1/agents", path["agent_id"]))
    return _status(op), shape(_model(op), store.get(f"/v1/agents/{path['agent_id']}/versions", path["version"]))


def _agents_update_version(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    version = (query.get("version") or ["0"])[0]
    versions = f"/v1/agents/{path['agent_id']}/versions"
    agent = store.get("/v1/agents", path["agent_id"])
    if store.adopt_unknown_ids and version not in store.collection(versions) and version.isdigit():
        store.put(versions, {**agent, "version": int(version)}, version)  # an adopted agent has the version asked
    chosen = store.get(versions, version)
    agent.update(chosen)
    return _status(op), shape(_model(op), agent)


def _aliases_put(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    alias = (query.get("alias") or ["latest"])[0]
    version = int((query.get("version") or ["0"])[0])
    if not store.adopt_unknown_ids:
        store.get(f"/v1/agents/{path['agent_id']}/versions", str(version))
    made = {"alias": alias, "version": version, "created_at": _now_iso(), "updated_at": _now_iso()}
    store.put(f"/v1/agents/{path['agent_id']}/aliases", made, alias)
    return _status(op), made


def _aliases_list(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    return _status(op), list(store.collection(f"/v1/agents/{path['agent_id']}/aliases").values())


def _sharing_put(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    made = fill(_model(op), path, body)
    key = str((body or {}).get("share_with_uuid") or made.get("share_with_uuid") or "org")
    store.put(f"/v1/libraries/{path['library_id']}/share", made, key)
    return _status(op), made


def _sharing_list(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    shares = list(store.collection(f"/v1/libraries/{path['library_id']}/share").values())
    return _status(op), listing(_model(op), shares, {})


def _sharing_delete(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    key = str((body or {}).get("share_with_uuid") or "org")
    shares = store.collection(f"/v1/libraries/{path['library_id']}/share")
    removed = shares.pop(key, None)
    if removed is None and store.adopt_unknown_ids:
        removed = fill(_model(op), path, body)
    if removed is None:
        raise NotFound(f"No sharing found with {key!r} for library {path['library_id']!r}")
    return _status(op), removed


# -- conversations ---------------------------------------------------------------------------
def _conversation_start(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    body = body if isinstance(body, dict) else {}
    conversation = {
        "object": "conversation",
        "id": fakes.new_id(),
        "created_at": _now_iso(),
        "updated_at": _now_iso(),
        "name": body.get("name"),
        "description": body.get("description"),
        "metadata": body.get("metadata"),
    }
    if body.get("agent_id"):
        conversation["agent_id"] = body["agent_id"]
    else:
        conversation["model"] = body.get("model") or "mistral-medium-latest"
        conversation["instructions"] = body.get("instructions")
    store.put("/v1/conversations", {k: v for k, v in conversation.items() if v is not None or k == "name"})
    store.put(f"/v1/conversations/{conversation['id']}/entries", {"entries": []}, "all")
    return _conversation_turn(store, op, conversation["id"], body, script)


def _conversation_append(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    if op.path.endswith("/restart"):
        entries = _entries(store, path["conversation_id"])
        keep = next((i for i, e in enumerate(entries) if e.get("id") == (body or {}).get("from_entry_id")), None)
        if keep is None and store.adopt_unknown_ids:
            keep = len(entries)
        if keep is None:
            raise NotFound(f"No entry found with id {(body or {}).get('from_entry_id')!r}")
        del entries[keep + 1 :]
    return _conversation_turn(store, op, path["conversation_id"], body if isinstance(body, dict) else {}, script)


def _entries(store: Store, conversation_id: str) -> list[dict[str, Any]]:
    return list(store.get(f"/v1/conversations/{conversation_id}/entries", "all")["entries"])


def _conversation_turn(
    store: Store, op: Operation, conversation_id: str, body: dict[str, Any], script: Script | None
) -> tuple[int, Any]:
    conversation = store.get("/v1/conversations", conversation_id)
    inputs = body.get("inputs", "")
    texts = [inputs] if isinstance(inputs, str) else [e for e in inputs if isinstance(e, dict)]
    log = store.get(f"/v1/conversations/{conversation_id}/entries", "all")["entries"]
    for given in texts:
        entry = given if isinstance(given, dict) else {"role": "user", "content": given}
        log.append(
            {"object": "entry", "type": "message.input", "id": fakes.new_id(), "created_at": _now_iso(), **entry}
        )
    said = replies.reply({"messages": texts, **body}, script)
    output = {
        "object": "entry",
        "type": "message.output",
        "created_at": _now_iso(),
        "completed_at": _now_iso(),
        "id": fakes.new_id(),
        "agent_id": conversation.get("agent_id"),
        "model": conversation.get("model"),
        "role": "assistant",
        "content": said.content,
    }
    log.append(output)
    conversation["updated_at"] = _now_iso()
    usage = {**said.usage(), "connector_tokens": None, "connectors": None}
    return 200, {
        "object": "conversation.response",
        "conversation_id": conversation_id,
        "outputs": [output],
        "usage": usage,
    }


def _conversation_history(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    entries = _entries(store, path["conversation_id"])
    if op.path.endswith("/messages"):
        messages = [e for e in entries if e.get("type") in ("message.input", "message.output")]
        return _status(op), {
            "object": "conversation.messages",
            "conversation_id": path["conversation_id"],
            "messages": messages,
        }
    return _status(op), {
        "object": "conversation.history",
        "conversation_id": path["conversation_id"],
        "entries": entries,
    }


def _conversation_delete(
    store: Store, op: Operation, path: dict[str, str], body: Any, query: dict[str, list[str]], script: Script | None
) -> tuple[int, Any]:
    _delete(store, "/v1/conversations", path["conversation_id"])
    store.collections.pop(f"/v1/conversations/{path['conversation_id']}/entries", None)
    return _status(op), None


_HANDLERS: dict[str, Handler] = {
    "chat_complete": _completion,
    "agents_complete": _completion,
    "fim_complete": _completion,
    "embeddings_create": _embeddings,
    "files_upload": _files_upload,
    "files_download": _files_download,
    "files_get_signed_url": _signed_url,
    "beta_libraries_documents_get_signed_url": _signed_url,
    "beta_libraries_documents_extracted_text_signed_url": _signed_url,
    "beta_libraries_documents_upload": _document_upload,
    "beta_libraries_documents_text_content": _document_text,
    "beta_libraries_documents_status": _document_status,
    "beta_libraries_accesses_update_or_create": _sharing_put,
    "beta_libraries_accesses_list": _sharing_list,
    "beta_libraries_accesses_delete": _sharing_delete,
    "models_list": _models_list,
    "models_archive": _models_archive(True),
    "models_unarchive": _models_archive(False),
    "beta_agents_create": _agents_create,
    "beta_agents_update": _agents_update,
    "beta_agents_get": _agents_get,
    "beta_agents_list_versions": _agents_versions,
    "beta_agents_get_version": _agents_get_version,
    "beta_agents_update_version": _agents_update_version,
    "beta_agents_create_version_alias": _aliases_put,
    "beta_agents_list_version_aliases": _aliases_list,
    "beta_conversations_start": _conversation_start,
    "beta_conversations_append": _conversation_append,
    "beta_conversations_restart": _conversation_append,
    "beta_conversations_get_history": _conversation_history,
    "beta_conversations_get_messages": _conversation_history,
    "beta_conversations_delete": _conversation_delete,
    "batch_jobs_create": jobs.batch_create,
    "batch_jobs_get": jobs.batch_get,
    "batch_jobs_cancel": jobs.batch_cancel,
    "fine_tuning_jobs_create": jobs.fine_tuning_create,
    "fine_tuning_jobs_get": jobs.fine_tuning_get,
    "fine_tuning_jobs_cancel": jobs.fine_tuning_cancel,
    "fine_tuning_jobs_start": jobs.fine_tuning_start,
}


def _base_model(model_id: str) -> dict[str, Any]:
    chat = "embed" not in model_id and "moderation" not in model_id and "ocr" not in model_id
    capabilities = {
        "completion_chat": chat,
        "completion_fim": model_id.startswith("codestral") and chat,
        "function_calling": chat,
        "fine_tuning": model_id in ("open-mistral-7b", "mistral-small-latest", "codestral-latest"),
        "vision": model_id.startswith(("pixtral", "mistral-medium", "mistral-small")),
        "classification": "moderation" in model_id,
    }
    return {
        "id": model_id,
        "object": "model",
        "created": 1700000000,
        "owned_by": "mistralai",
        "capabilities": capabilities,
        "name": model_id,
        "description": f"{model_id} (mistral_fn local mock server)",
        "max_context_length": 131072,
        "aliases": [],
        "deprecation": None,
        "type": "base",
    }


def _noun(concrete: str) -> str:
    last = concrete.rstrip("/").rsplit("/", 1)[-1]
    return {"jobs": "job", "libraries": "library", "share": "sharing"}.get(last, last.removesuffix("s"))


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
