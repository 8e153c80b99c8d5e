"""What a test queues for the mock to play: a scripted answer or a fault, for the next N calls or for all.

    mock.queue("chat_complete", content="Paris")                      # the next answer says "Paris"
    mock.queue("chat_complete", tool_calls=[{"name": "f", "arguments": {"x": 1}}])
    mock.fault("chat_complete", status=429, retry_after=2, times=3)   # the next 3 calls: 429 + Retry-After
    mock.fault("*", status=503, times=None)                           # every call of every operation
    mock.fault("chat_stream", cut_after=2)                            # 2 events, then the connection is cut
    mock.fault("chat_stream", malformed_at=1)                         # the 2nd event is not JSON
    mock.fault("files_download", stall=1.5)                           # half the body, 1.5 s of silence, the rest
    mock.fault("models_list", delay=0.5)                              # 0.5 s before the headers
    mock.fault("chat_complete", drop=True)                            # the connection closed, no answer

Per call, the operation's own entries are played before those for "*" (every operation), oldest first.
"""

import difflib
from dataclasses import dataclass, field
from typing import Any

from .replies import Script

ALL = "*"


@dataclass
class Canned:
    """One entry: a status and body, a scripted reply, and/or faults; played `remaining` more times."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds before the status line and headers."""
    stall: float = 0.0
    """Seconds of silence half-way through the body (between events, for a stream)."""
    drop: bool = False
    cut_after: int | None = None
    """A stream: events sent before the connection is cut (-1: half of them); other bodies: bytes sent."""
    malformed_at: int | None = None
    """A stream: the index of the event replaced by one whose data is not JSON."""
    script: Script | None = None
    remaining: int | None = 1
    """Calls left to play this for; None: every call, until reset."""

    @property
    def answers(self) -> bool:
        """Whether this replaces the normal answer (an error status or a given body)."""
        return self.status >= 300 or self.body is not None

    def to_json(self) -> dict[str, Any]:
        script = self.script
        return {
            "status": self.status,
            "body": self.body if not isinstance(self.body, bytes) else self.body.decode("utf-8", "replace"),
            "headers": self.headers,
            "delay": self.delay,
            "stall": self.stall,
            "drop": self.drop,
            "cut_after": self.cut_after,
            "malformed_at": self.malformed_at,
            "content": script.content if script else None,
            "tool_calls": list(script.tool_calls) if script and script.tool_calls is not None else None,
            "finish_reason": script.finish_reason if script else None,
            "remaining": self.remaining,
        }


def check_operation(name: str, known: list[str]) -> None:
    """A ValueError naming the nearest operation, for a name that is not one (a typo would else do nothing)."""
    if name == ALL or name in known:
        return
    nearest = difflib.get_close_matches(name, known, n=1, cutoff=0.0)
    hint = f"; did you mean {nearest[0]!r}?" if nearest else ""
    raise ValueError(f"unknown operation {name!r}{hint} (the names are those of mistral_fn's functions)")


def make(
    *,
    status: int = 200,
    body: Any = None,
    headers: dict[str, str] | None = None,
    retry_after: float | str | None = None,
    delay: float = 0.0,
    stall: float = 0.0,
    drop: bool = False,
    cut_after: int | None = None,
    malformed_at: int | None = None,
    content: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    finish_reason: str | None = None,
    times: int | None = 1,
) -> Canned:
    if times is not None and times < 1:
        raise ValueError("times must be at least 1, or None for every call")
    if status < 100 or status > 599:
        raise ValueError(f"status {status} is not an HTTP status")
    extra = dict(headers or {})
    if retry_after is not None:
        extra["Retry-After"] = str(retry_after)
    script = None
    if content is not None or tool_calls is not None or finish_reason is not None:
        script = Script(content, tuple(tool_calls) if tool_calls is not None else None, finish_reason)
    return Canned(status, body, extra, delay, stall, drop, cut_after, malformed_at, script, times)


def from_json(data: dict[str, Any]) -> Canned:
    """An entry from the control API's JSON (the keyword arguments of `make`)."""
    allowed = set(make.__kwdefaults__ or {})
    unknown = set(data) - allowed - {"operation"}
    if unknown:
        raise ValueError(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    return make(**{k: v for k, v in data.items() if k != "operation"})
