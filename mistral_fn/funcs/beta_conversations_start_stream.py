"""Create a conversation and append entries to it: POST /v1/conversations."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from .._runtime.streams import EventStream
from ..errors import CommonError, HTTPValidationError
from ..models.agent_handoff_entry import AgentHandoffEntry
from ..models.completion_args import CompletionArgs
from ..models.conversation_events import ConversationEvents
from ..models.conversation_stream_request import (
    ConversationStreamRequest,
    ConversationStreamRequestHandoffExecution,
    ConversationStreamRequestTools,
)
from ..models.function_call_entry import FunctionCallEntry
from ..models.function_result_entry import FunctionResultEntry
from ..models.message_input_entry import MessageInputEntry
from ..models.message_output_entry import MessageOutputEntry
from ..models.tool_execution_entry import ToolExecutionEntry
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaConversationsStartStreamError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_start_stream",
    method="POST",
    path="/v1/conversations",
    body=ConversationStreamRequest,
    ok={200: EventStream},
    errors={422: HTTPValidationError},
    accept="text/event-stream",
    events=ConversationEvents,
    creates=True,
)
"""What `beta_conversations_start_stream` sends and expects back."""


def beta_conversations_start_stream(
    session: Session,
    *,
    inputs: str
    | Sequence[
        MessageInputEntry
        | MessageOutputEntry
        | FunctionResultEntry
        | FunctionCallEntry
        | ToolExecutionEntry
        | AgentHandoffEntry
        | Mapping[str, Any]
    ],
    store: bool | None | Unset = UNSET,
    handoff_execution: ConversationStreamRequestHandoffExecution | str | None | Unset = UNSET,
    instructions: str | None | Unset = UNSET,
    tools: Sequence[ConversationStreamRequestTools | Mapping[str, Any]] | Unset = UNSET,
    completion_args: CompletionArgs | Mapping[str, Any] | None | Unset = UNSET,
    name: str | None | Unset = UNSET,
    description: str | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    agent_id: str | None | Unset = UNSET,
    agent_version: str | int | None | Unset = UNSET,
    model: str | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[EventStream[ConversationEvents], BetaConversationsStartStreamError]:
    """Create a conversation and append entries to it.

    Create a new conversation, using a base model or an agent and append entries. Completion and tool executions are
    run and the response is appended to the conversation.Use the returned conversation_id to continue the
    conversation.

    Args:
        tools: List of tools which are available to the model during the conversation.
    """
    body = {
        "inputs": inputs,
        "stream": True,
        "store": store,
        "handoff_execution": handoff_execution,
        "instructions": instructions,
        "tools": tools,
        "completion_args": completion_args,
        "name": name,
        "description": description,
        "metadata": metadata,
        "agent_id": agent_id,
        "agent_version": agent_version,
        "model": model,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
