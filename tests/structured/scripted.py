"""A scripted model on the loopback server: chat completion replies, tool calls, and answers streamed in pieces."""

import json
from typing import Any

from mistral_fn import Session
from tests.loopback import Loopback


def completion(
    content: str | None = None, *, finish_reason: str = "stop", tool_calls: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A ChatCompletionResponse body with one choice."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_calls is not None:
        message["tool_calls"] = tool_calls
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "model": "scripted",
        "created": 1,
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
    }


def call(name: str, arguments: Any, call_id: str = "c1") -> dict[str, Any]:
    """One tool call; `arguments` is sent as given when a str, else as JSON text."""
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {"id": call_id, "type": "function", "function": {"name": name, "arguments": text}}


def say(server: Loopback, content: str | None, finish_reason: str = "stop") -> None:
    server.reply(200, completion(content, finish_reason=finish_reason))


def ask_tools(server: Loopback, *calls: dict[str, Any]) -> None:
    server.reply(200, completion(None, finish_reason="tool_calls", tool_calls=list(calls)))


def stream_pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def stream(server: Loopback, pieces: list[str], finish_reason: str = "stop", done: bool = True) -> None:
    """An SSE chat stream whose deltas carry `pieces`, the last event the finish_reason, then [DONE]."""
    events = []
    for i, piece in enumerate(pieces):
        chunk = {
            "id": "cmpl-1",
            "object": "chat.completion.chunk",
            "model": "scripted",
            "created": 1,
            "choices": [{"index": 0, "delta": {"role": "assistant" if i == 0 else None, "content": piece}}],
        }
        if i == len(pieces) - 1:
            chunk["choices"][0]["finish_reason"] = finish_reason
        events.append(f"data: {json.dumps(chunk)}\n\n")
    if done:
        events.append("data: [DONE]\n\n")
    server.reply_sse(events)


def session_for(server: Loopback) -> Session:
    return Session(api_key="sk-test", server_url=server.url)
