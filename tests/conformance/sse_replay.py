"""Server-sent events made from the spec's event schemas, replayed by a loopback server.

Prism cannot stream SSE, so the seven streaming operations are checked against this instead:
for each member of an event schema's `data` union (tagged by `type`), one event built from the
required properties only, one with every property, and one with `null` wherever the schema
allows it (`args.py` builds the three); unknown extra properties ride along where the schema is not
closed, as a real server may add them. Named events (`ConversationEvents`,
`TranscriptionStreamEvents`) carry `event: <tag>`; the completion streams (chat, fim, agents)
end with `data: [DONE]` as the API does, the others just end.
"""

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tests.loopback import Loopback

from . import args, spec

END_MARKER = {"chat_stream": "[DONE]", "fim_stream": "[DONE]", "agents_stream": "[DONE]"}
"""The completion streams end with `data: [DONE]` (the `stream` description of their request
schemas says so); conversation and transcription streams end when the response ends."""

EXTRA = {"x_replay_extra": {"kept": True}}
PIECE = 61
"""Bytes per write: events arrive cut at awkward places, as from a real network."""


@dataclass(frozen=True)
class Replayed:
    """One event as sent: its SSE name, its JSON payload and the schema that payload must read as."""

    event: str | None
    data: Any
    model: str
    variant: str


def event_schema(op: spec.Operation) -> str:
    """The schema of one event of `op`. Spec quirk: `POST /v1/agents/completions` declares no
    `text/event-stream` response; `agents_stream` streams what `chat_stream` does."""
    for _, media, schema, _ in op.success():
        if media == "text/event-stream" and schema is not None:
            name = spec.ref_name(schema)
            assert name is not None
            return name
    assert op.python_name == "agents_stream", f"{op.python_name}: no event schema in the spec"
    return "CompletionEvent"


def events_for(op: spec.Operation) -> list[Replayed]:
    """Every variant of every event member of `op`'s event schema, each checked against the spec."""
    name = event_schema(op)
    envelope = spec.document()["components"]["schemas"][name]
    props = envelope["properties"]
    named = "event" in props
    data = props["data"]
    discriminator = data.get("discriminator")
    if discriminator is not None:
        members = [(tag, target) for tag, target in discriminator["mapping"].items()]
        prop = discriminator["propertyName"]
    else:
        members = [(None, data["$ref"])]
        prop = ""
    out: list[Replayed] = []
    for tag, target in members:
        model = spec.ref_name({"$ref": target})
        assert model is not None
        for variant, value in _variants(op, {"$ref": target}):
            if tag is not None:
                value = {**value, prop: tag}
            out.append(Replayed(tag if named else None, value, model, variant))
    for r in out:
        sent = {"event": r.event, "data": r.data} if named else {"data": r.data}
        errors = spec.strict_errors(f"/components/schemas/{name}", sent)
        assert not errors, f"replayed {r.model} ({r.variant}) does not fit {name}: {spec.describe(errors)}"
    return out


def _variants(op: spec.Operation, schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    open_schema = spec.resolve(schema).get("additionalProperties") is not False
    seen = []
    for mode in ("required", "full", "nulls"):
        value = args.wire(args.plain(args._Builder(op, mode).value(schema, "json", 0)))
        if value in seen:
            continue
        seen.append(value)
        yield mode, {**value, **EXTRA} if open_schema else value


def encode(events: list[Replayed], end_marker: str | None) -> str:
    """The SSE text of `events` (and the end marker), with a comment line as servers send."""
    lines = [": replayed from the spec\n\n"]
    for r in events:
        head = f"event: {r.event}\n" if r.event is not None else ""
        lines.append(f"{head}data: {json.dumps(r.data, separators=(',', ':'))}\n\n")
    if end_marker is not None:
        lines.append(f"data: {end_marker}\n\n")
    return "".join(lines)


class SSEReplay(Loopback):
    """A loopback server that answers the next request with a replayed event stream."""

    def replay(self, op: spec.Operation, change: Callable[[Any], Any] | None = None) -> list[Replayed]:
        """Queue the events of `op` (each payload passed through `change`, if given)."""
        events = events_for(op)
        if change is not None:
            events = [Replayed(r.event, change(copy.deepcopy(r.data)), r.model, r.variant) for r in events]
        text = encode(events, END_MARKER.get(op.python_name)).encode()
        self.reply_sse([text[i : i + PIECE] for i in range(0, len(text), PIECE)])
        return events
