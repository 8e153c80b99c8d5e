"""Small hand-written models and operations that exercise the runtime without the generated code."""

from typing import Annotated, Any, Literal

import attrs

from mistral_fn._runtime.invoke import Operation
from mistral_fn._runtime.streams import BinaryResponse
from mistral_fn.errors import HTTPValidationError
from mistral_fn.types import UNSET, Discriminator, FileInput, Model, Unset

Role = Literal["system", "user"]


@attrs.define(kw_only=True)
class UserMessage(Model):
    _closed = True
    content: str | list[Any]
    role: Literal["user"] = "user"


@attrs.define(kw_only=True)
class SystemMessage(Model):
    content: str
    role: Literal["system"] = "system"


Message = Annotated[
    SystemMessage | UserMessage | dict[str, Any],
    Discriminator("role", {"system": SystemMessage, "user": UserMessage}),
]


@attrs.define(kw_only=True)
class ChatRequest(Model):
    model: str
    messages: list[Message]
    temperature: float | None | Unset = UNSET
    stop: str | list[str] | Unset = UNSET
    stream: bool | Unset = UNSET


@attrs.define(kw_only=True)
class Choice(Model):
    index: int
    finish_reason: Literal["stop", "length"] | str
    message: Message | Unset = UNSET


@attrs.define(kw_only=True)
class ChatResponse(Model):
    id: str
    choices: list[Choice]
    data: list[Any]  # required in the spec, never sent by the server


@attrs.define(kw_only=True)
class FunctionCall(Model):
    name: str
    arguments: str | dict[str, Any]


@attrs.define(kw_only=True)
class ToolCall(Model):
    id: str | None | Unset = UNSET
    function: FunctionCall
    index: int | Unset = UNSET


@attrs.define(kw_only=True)
class Delta(Model):
    role: str | None | Unset = UNSET
    content: str | None | Unset = UNSET
    tool_calls: list[ToolCall] | None | Unset = UNSET


@attrs.define(kw_only=True)
class CollectedMessage(Model):
    role: str
    content: str
    tool_calls: list[ToolCall] | None


@attrs.define(kw_only=True)
class CollectedChoice(Model):
    index: int
    message: CollectedMessage
    finish_reason: str | None


@attrs.define(kw_only=True)
class Collected(Model):
    id: str
    choices: list[CollectedChoice]
    usage: dict[str, int] | Unset = UNSET


@attrs.define(kw_only=True)
class StreamChoice(Model):
    index: int
    delta: Delta
    finish_reason: str | None | Unset = UNSET


@attrs.define(kw_only=True)
class ChatChunk(Model):
    id: str
    choices: list[StreamChoice]
    usage: dict[str, int] | None | Unset = UNSET


@attrs.define(kw_only=True)
class ChatEvent(Model):
    data: ChatChunk


@attrs.define(kw_only=True)
class UploadBody(Model):
    file: FileInput
    purpose: Literal["fine-tune", "batch"] | str | Unset = UNSET
    tags: list[str] | Unset = UNSET


@attrs.define(kw_only=True)
class FileOut(Model):
    id: str
    bytes: int


CHAT = Operation(
    operation_id="chat",
    method="POST",
    path="/v1/chat/completions",
    body=ChatRequest,
    ok={200: ChatResponse},
    errors={422: HTTPValidationError},
)
CHAT_STREAM = Operation(
    operation_id="chat_stream",
    method="POST",
    path="/v1/chat/completions",
    body=ChatRequest,
    ok={200: ChatEvent},
    errors={422: HTTPValidationError},
    accept="text/event-stream",
    events=ChatEvent,
    end_marker="[DONE]",
    collect_into=Collected,
)
LIST = Operation(
    operation_id="list",
    method="GET",
    path="/v1/things/{thing_id}/items",
    ok={200: dict[str, Any]},
    params={"thing_id": str, "page": int | Unset, "tags": list[str] | Unset, "flag": bool | Unset, "metadata": Any},
    json_query=frozenset({"metadata"}),
)
UPLOAD = Operation(
    operation_id="upload",
    method="POST",
    path="/v1/files",
    body=UploadBody,
    ok={200: FileOut},
    files=frozenset({"file"}),
    creates=True,
)
DOWNLOAD = Operation(
    operation_id="download",
    method="GET",
    path="/v1/files/{file_id}/content",
    ok={200: BinaryResponse},
    params={"file_id": str},
    accept="application/octet-stream",
)
DELETE = Operation(operation_id="delete", method="DELETE", path="/v1/things/{thing_id}", ok={204: None})

CHAT_BODY = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
CHAT_REPLY = {"id": "c1", "choices": [{"index": 0, "finish_reason": "stop"}]}
__all__ = ["UNSET"]
