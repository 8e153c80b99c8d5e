"""What the mock's model "says": completion replies (text, JSON for a schema, tool calls) and embeddings.

A reply follows what the request asked for, as a model would:
- `tool_choice` "any" or "required" (or naming a function) with `tools`: a call of that (or the first)
  function, its arguments fitting the function's `parameters` schema; `finish_reason` "tool_calls".
- `response_format` `{"type": "json_schema", "json_schema": {"schema": ...}}`: the content is a JSON
  instance of that schema; `json_object`: a small JSON object.
- otherwise the fixed sentence `MOCK_REPLY`; `max_tokens` shorter than it cuts it (`finish_reason` "length").
A `Script` (from `mock.queue(..., content=..., tool_calls=..., finish_reason=...)`) overrides all of it.
"""

import hashlib
import json
import math
import random
import uuid
from dataclasses import dataclass
from typing import Any

from . import fakes
from .instances import instance

MOCK_REPLY = "This is a reply from the mistral_fn local mock server."

# Embedding sizes of the API's models; any other model gets the first one.
EMBEDDING_DIMENSIONS = {"mistral-embed": 1024, "codestral-embed": 1536}


@dataclass(frozen=True)
class Script:
    """A reply a test chose: text, tool calls ({"name": ..., "arguments": dict or str}), finish reason."""

    content: str | None = None
    tool_calls: tuple[dict[str, Any], ...] | None = None
    finish_reason: str | None = None


@dataclass(frozen=True)
class Reply:
    content: str
    tool_calls: list[dict[str, Any]]
    finish_reason: str
    prompt_tokens: int

    @property
    def completion_tokens(self) -> int:
        return max(1, len(self.content.split())) + sum(len(c["function"]["arguments"]) // 4 for c in self.tool_calls)

    def usage(self) -> dict[str, int]:
        total = self.prompt_tokens + self.completion_tokens
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens, "total_tokens": total}

    def message(self) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant", "content": self.content}
        if self.tool_calls:
            message["tool_calls"] = self.tool_calls
        return message


def reply(body: Any, script: Script | None = None) -> Reply:
    """The reply to a chat, agents or FIM request body."""
    body = body if isinstance(body, dict) else {}
    prompt_tokens = max(1, len(json.dumps(body.get("messages") or body.get("prompt") or "")) // 4)
    if script is not None and (script.content is not None or script.tool_calls is not None):
        calls = [_tool_call(c, i) for i, c in enumerate(script.tool_calls or ())]
        finish = script.finish_reason or ("tool_calls" if calls else "stop")
        return Reply(script.content or "", calls, finish, prompt_tokens)
    called = _called_tool(body)
    if called is not None:
        arguments = json.dumps(instance(called.get("parameters") or {"type": "object"}))
        call = _tool_call({"name": called.get("name", "tool"), "arguments": arguments}, 0)
        return Reply("", [call], (script and script.finish_reason) or "tool_calls", prompt_tokens)
    content, finish = _content(body)
    return Reply(content, [], (script and script.finish_reason) or finish, prompt_tokens)


def _content(body: dict[str, Any]) -> tuple[str, str]:
    response_format = body.get("response_format")
    if isinstance(response_format, dict) and response_format.get("type") == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema") or {}
        return json.dumps(instance(schema)), "stop"
    if isinstance(response_format, dict) and response_format.get("type") == "json_object":
        return json.dumps({"reply": MOCK_REPLY}), "stop"
    words = MOCK_REPLY.split(" ")
    limit = body.get("max_tokens")
    if isinstance(limit, int) and 0 < limit < len(words):
        return " ".join(words[:limit]), "length"
    return MOCK_REPLY, "stop"


def _called_tool(body: dict[str, Any]) -> dict[str, Any] | None:
    """The function the request makes the model call, if it makes it call one."""
    tools = [t.get("function") or {} for t in body.get("tools") or () if isinstance(t, dict)]
    choice = body.get("tool_choice")
    if not tools or choice in (None, "none", "auto"):
        return None
    if isinstance(choice, dict):
        wanted = (choice.get("function") or {}).get("name")
        return next((t for t in tools if t.get("name") == wanted), tools[0])
    return tools[0] if choice in ("any", "required") else None


def _tool_call(call: dict[str, Any], index: int) -> dict[str, Any]:
    arguments = call.get("arguments", {})
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    function = {"name": call.get("name", "tool"), "arguments": text}
    call_id = call.get("id") or uuid.uuid4().hex[:9]  # the API's tool-call ids are 9 characters
    return {"id": call_id, "type": "function", "function": function, "index": index}


def embedding(text: str, dimension: int) -> list[float]:
    """A unit vector that depends only on `text`: the same text always gives the same vector."""
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    rng = random.Random(seed)
    vector = [rng.gauss(0.0, 1.0) for _ in range(dimension)]
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [round(v / norm, 6) for v in vector]


def embeddings(body: Any) -> dict[str, Any]:
    """The EmbeddingResponse for an embeddings request: one vector per input, in order."""
    body = body if isinstance(body, dict) else {}
    model = str(body.get("model") or "mistral-embed")
    raw = body.get("input", body.get("inputs", ""))
    texts = [raw] if isinstance(raw, str) else [str(t) for t in raw or ()]
    dimension = body.get("output_dimension") or EMBEDDING_DIMENSIONS.get(model, EMBEDDING_DIMENSIONS["mistral-embed"])
    data = [{"object": "embedding", "embedding": embedding(t, int(dimension)), "index": i} for i, t in enumerate(texts)]
    tokens = sum(max(1, len(t) // 4) for t in texts)
    usage = {"prompt_tokens": tokens, "completion_tokens": 0, "total_tokens": tokens}
    return {"id": fakes.new_id(), "object": "list", "data": data, "model": model, "usage": usage}
