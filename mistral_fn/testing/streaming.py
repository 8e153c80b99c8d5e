"""The SSE frames the mock sends: completion chunks, conversation events, and typed events of other streams."""

import datetime as dt
import json
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

import attrs

from .._runtime import convert
from ..types import Discriminator
from . import fakes
from .replies import Reply


def completion_frames(body: Any, said: Reply, response_model: str) -> Iterator[str]:
    """Chunks of a chat, agents or FIM completion: the role first, then words, then the finish and usage."""
    model = body.get("model") if isinstance(body, dict) else None
    head = {
        "id": fakes.new_id(),
        "object": "chat.completion.chunk",
        "created": fakes.now(),
        "model": model or ("codestral-latest" if response_model.startswith("FIM") else "mistral-small-latest"),
    }

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        return frame({**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra})

    yield chunk({"role": "assistant", "content": ""})
    words = said.content.split(" ") if said.content else []
    for i, word in enumerate(words):
        yield chunk({"content": word if i == 0 else " " + word})
    if said.tool_calls:
        yield chunk({"content": "", "tool_calls": said.tool_calls})
    yield chunk({"content": ""}, said.finish_reason, usage=said.usage())


def conversation_frames(answer: dict[str, Any]) -> Iterator[str]:
    """A conversation turn as the API streams it: response started, the output in deltas, response done."""
    now = _now_iso()
    yield event(
        "conversation.response.started",
        {"type": "conversation.response.started", "created_at": now, "conversation_id": answer["conversation_id"]},
    )
    for index, output in enumerate(answer["outputs"]):
        words = str(output.get("content") or "").split(" ")
        for i, word in enumerate(words):
            delta = {
                "type": "message.output.delta",
                "created_at": now,
                "output_index": index,
                "id": output["id"],
                "content_index": 0,
                "model": output.get("model"),
                "agent_id": output.get("agent_id"),
                "role": "assistant",
                "content": word if i == 0 else " " + word,
            }
            yield event("message.output.delta", delta)
    yield event(
        "conversation.response.done",
        {"type": "conversation.response.done", "created_at": now, "usage": answer["usage"]},
    )


def typed_frames(event_type: Any) -> Iterator[str]:
    """One event per member of the event model's `data` union, named by its tag, in the order a server sends."""
    data_field = attrs.fields_dict(event_type)["data"]
    tagged = _discriminator(data_field.type)
    if tagged is None:
        yield frame(convert.to_json(fakes.build(data_field.type)))
        return
    for tag, member in sorted(tagged.mapping.items(), key=lambda item: _event_order(item[0])):
        if tag.endswith(".error"):
            continue  # an error event ends a failed stream; a normal stream has none
        yield event(tag, convert.to_json(fakes.build_model(member)))


def _event_order(tag: str) -> tuple[int, str]:
    if "start" in tag or tag.endswith(".language"):
        return (0, tag)
    if tag.endswith(".done") and ("response" in tag or tag.startswith("transcription")):
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


def frame(payload: Any) -> str:
    return f"data: {json.dumps(payload)}\n\n"


def event(name: str, payload: Any) -> str:
    return f"event: {name}\n" + frame(payload)


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
