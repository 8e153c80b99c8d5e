"""What the mock server remembers, and the answers it builds from the project's own models."""

import importlib
import json
import re
import threading
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

import attrs

from .._runtime import convert
from .._runtime.invoke import Operation
from .._runtime.streams import BinaryResponse
from ..types import Discriminator
from . import fakes

MOCK_REPLY = "This is a reply from the mistral_fn local mock server."


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


def _collection(path: str) -> str:
    """`/v1/agents/{agent_id}/versions` -> `/v1/agents/{}/versions`: a key for stored resources."""
    return re.sub(r"\{\w+\}", "{}", path)


class Store:
    """Resources created through the mock, by collection, so that what was made can be fetched."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.resources: dict[str, dict[str, dict[str, Any]]] = {}
        self.contents: dict[str, bytes] = {}

    def answer(self, op: Operation, path: dict[str, str], body: Any) -> tuple[int, Any]:
        """The status and JSON (or bytes, or None) that answer a valid request."""
        status, model = next(iter(op.ok.items()))
        if model is None:
            self._forget(op, path)
            return status, None
        if model is BinaryResponse:
            return status, self.contents.get(next(iter(path.values()), ""), b"mock file content\n")
        if op.creates:
            return status, self._create(op, model, body)
        stored = self._lookup(op, path)
        if stored is not None:
            return status, _as(model, stored) or _fill(model, path)
        listed = self._list(op, model)
        if listed is not None:
            return status, listed
        return status, _fill(model, path, body)

    def _create(self, op: Operation, model: Any, body: Any) -> Any:
        made = _fill(model, {}, body)
        if isinstance(made, dict):
            if isinstance(body, dict) and "file" in body and isinstance(body["file"], tuple):
                filename, content = body["file"][0], body["file"][1]
                made.update({"filename": filename, "bytes": len(content)} if "bytes" in made else {})
                if "size" in made:
                    made["size"] = len(content)
                self.contents[str(made.get("id"))] = content
            with self._lock:
                self.resources.setdefault(_collection(op.path), {})[str(made.get("id"))] = made
        return made

    def _lookup(self, op: Operation, path: dict[str, str]) -> dict[str, Any] | None:
        # Only a path that ends at the resource (/v1/files/{file_id}, not /v1/files/{file_id}/url).
        if not path or op.method not in ("GET", "PATCH", "PUT") or not op.path.endswith("}"):
            return None
        last = list(path.values())[-1]
        parent = _collection(op.path).rsplit("/{}", 1)[0]
        stored = self.resources.get(parent, {}).get(last)
        return dict(stored) if stored is not None else None

    def _list(self, op: Operation, model: Any) -> Any:
        items = list(self.resources.get(_collection(op.path), {}).values())
        if op.method != "GET" or not items:
            return None
        if get_origin(model) is list:
            return [i for i in (_as(get_args(model)[0], item) for item in items) if i is not None]
        if attrs.has(model):
            built = _fill(model, {})
            for f in attrs.fields(model):
                if get_origin(f.type) is list or "list[" in str(f.type):
                    item_type = _list_item(f.type)
                    converted = [i for i in (_as(item_type, item) for item in items) if i is not None]
                    if converted:
                        built[f.name] = converted
                        if "total" in built:
                            built["total"] = len(converted)
                        break
            return built
        return None

    def _forget(self, op: Operation, path: dict[str, str]) -> None:
        if op.method == "DELETE" and path:
            parent = _collection(op.path).rsplit("/{}", 1)[0]
            with self._lock:
                self.resources.get(parent, {}).pop(list(path.values())[-1], None)

    def events(self, op: Operation, body: Any) -> Iterator[str]:
        """The SSE frames of a streaming operation, ending with `data: [DONE]` where the API does."""
        if op.collect_into is not None:
            yield from _completion_frames(body)
        else:
            yield from _typed_frames(op.events)
        if op.end_marker is not None:
            yield f"data: {op.end_marker}\n\n"


def _list_item(t: Any) -> Any:
    for arg in get_args(t):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return get_args(t)[0] if get_args(t) else Any


def _as(model: Any, value: Any) -> Any:
    """`value` as JSON of `model`, or None when it cannot be read as one."""
    try:
        return convert.to_json(convert.read(value, model))
    except convert.ConversionError:
        return None


def _fill(model: Any, path: dict[str, str], body: Any = None) -> Any:
    """JSON of a generated `model`, with ids from the path and values the request gave, where they fit."""
    value = convert.to_json(fakes.build(model))
    if not isinstance(value, dict):
        return value
    given: dict[str, Any] = {}
    if isinstance(body, dict):
        given.update((k, v) for k, v in body.items() if k not in ("id", "object") and not isinstance(v, tuple))
    given.update(path)
    if len(path) == 1 and path.keys() == {k for k in path if k.endswith("_id")}:
        given["id"] = next(iter(path.values()))  # GET /v1/agents/{agent_id} answers that agent
    for key, new in given.items():
        if key in value:
            candidate = {**value, key: new}
            if _as(model, candidate) is not None:  # keep only what still fits the model
                value = candidate
    if "choices" in value:
        _complete_choices(value)
    return value


def _complete_choices(value: dict[str, Any]) -> None:
    for choice in value.get("choices") or ():
        message = choice.get("message")
        if isinstance(message, dict):
            message["content"] = MOCK_REPLY
            message["role"] = "assistant"
        choice["finish_reason"] = "stop"


def _completion_frames(body: Any) -> Iterator[str]:
    model = body.get("model", "mistral-small-latest") if isinstance(body, dict) else "mistral-small-latest"
    head = {"id": fakes.new_id("cmpl"), "object": "chat.completion.chunk", "created": fakes.now(), "model": model}
    words = MOCK_REPLY.split(" ")
    yield _frame({**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})
    for i, word in enumerate(words):
        text = word if i == 0 else " " + word
        yield _frame({**head, "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]})
    usage = {"prompt_tokens": 10, "completion_tokens": len(words), "total_tokens": 10 + len(words)}
    yield _frame({**head, "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "stop"}], "usage": usage})


def _typed_frames(event_type: Any) -> Iterator[str]:
    """One event per member of the event model's `data` union, named by its tag."""
    data_field = attrs.fields_dict(event_type)["data"]
    tagged = _discriminator(data_field.type)
    if tagged is None:
        yield _frame(convert.to_json(fakes.build(data_field.type)))
        return
    for tag, member in sorted(tagged.mapping.items(), key=lambda item: _event_order(item[0])):
        payload = convert.to_json(fakes.build_model(member))
        yield f"event: {tag}\n" + _frame(payload)


def _event_order(tag: str) -> tuple[int, str]:
    """Events in the order a server sends them: what starts first, what is done or failed last."""
    if "start" in tag:
        return (0, tag)
    if tag.endswith((".done", ".error")) and tag.count(".") <= 2 and "response" in tag:
        return (3, tag)
    if "done" in tag:
        return (2, tag)
    return (1, tag)


def _discriminator(t: Any) -> Discriminator | None:
    if get_origin(t) is Annotated:
        return next((m for m in get_args(t)[1:] if isinstance(m, Discriminator)), None)
    for arg in get_args(t):
        found = _discriminator(arg)
        if found is not None:
            return found
    return None


def _frame(payload: Any) -> str:
    return f"data: {json.dumps(payload)}\n\n"
