"""Restart a conversation starting from a given entry: POST /v1/conversations/{conversation_id}/restart."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from .._runtime.streams import EventStream
from ..errors import CommonError, HTTPValidationError
from ..models.agent_handoff_entry import AgentHandoffEntry
from ..models.completion_args import CompletionArgs
from ..models.conversation_events import ConversationEvents
from ..models.conversation_restart_stream_request import (
    ConversationRestartStreamRequest,
    ConversationRestartStreamRequestHandoffExecution,
)
from ..models.function_call_entry import FunctionCallEntry
from ..models.function_result_entry import FunctionResultEntry
from ..models.message_input_entry import MessageInputEntry
from ..models.message_output_entry import MessageOutputEntry
from ..models.tool_execution_entry import ToolExecutionEntry
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaConversationsRestartStreamError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_conversations_restart_stream",
    method="POST",
    path="/v1/conversations/{conversation_id}/restart",
    body=ConversationRestartStreamRequest,
    ok={200: EventStream},
    errors={422: HTTPValidationError},
    params={"conversation_id": str},
    accept="text/event-stream",
    events=ConversationEvents,
)
"""What `beta_conversations_restart_stream` sends and expects back."""


def beta_conversations_restart_stream(
    session: Session,
    *,
    conversation_id: str,
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
    from_entry_id: str,
    store: bool | Unset = UNSET,
    handoff_execution: ConversationRestartStreamRequestHandoffExecution | str | Unset = UNSET,
    completion_args: CompletionArgs | Mapping[str, Any] | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    agent_version: str | int | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[EventStream[ConversationEvents], BetaConversationsRestartStreamError]:
    """Restart a conversation starting from a given entry.

    Given a conversation_id and an id, recreate a conversation from this point and run completion. A new
    conversation is returned with the new entries returned.

    Args:
        conversation_id: ID of the original conversation which is being restarted.
        store: Whether to store the results into our servers or not. Default: True.
        handoff_execution: Default: "server".
        completion_args: Completion arguments that will be used to generate assistant responses. Can be overridden
            at each message request.
        metadata: Custom metadata for the conversation.
        agent_version: Specific version of the agent to use when restarting. If not provided, uses the current
            version.
    """
    body = {
        "inputs": inputs,
        "stream": True,
        "store": store,
        "handoff_execution": handoff_execution,
        "completion_args": completion_args,
        "metadata": metadata,
        "from_entry_id": from_entry_id,
        "agent_version": agent_version,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"conversation_id": conversation_id}, body=body, call=call)
