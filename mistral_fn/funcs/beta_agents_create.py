"""Create a agent that can be used within a conversation: POST /v1/agents."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..models.agent_creation_request import AgentCreationRequest, AgentCreationRequestTools
from ..models.completion_args import CompletionArgs
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaAgentsCreateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_create",
    method="POST",
    path="/v1/agents",
    body=AgentCreationRequest,
    ok={200: Agent},
    errors={422: HTTPValidationError},
    creates=True,
)
"""What `beta_agents_create` sends and expects back."""


def beta_agents_create(
    session: Session,
    *,
    model: str,
    name: str,
    instructions: str | None | Unset = UNSET,
    tools: Sequence[AgentCreationRequestTools | Mapping[str, Any]] | Unset = UNSET,
    completion_args: CompletionArgs | Mapping[str, Any] | Unset = UNSET,
    description: str | None | Unset = UNSET,
    handoffs: Sequence[str] | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[Agent, BetaAgentsCreateError]:
    """Create a agent that can be used within a conversation.

    Create a new agent giving it instructions, tools, description. The agent is then available to be used as a
    regular assistant in a conversation or as part of an agent pool from which it can be used.

    Args:
        instructions: Instruction prompt the model will follow during the conversation.
        tools: List of tools which are available to the model during the conversation.
        completion_args: Completion arguments that will be used to generate assistant responses. Can be overridden
            at each message request.
    """
    body = {
        "instructions": instructions,
        "tools": tools,
        "completion_args": completion_args,
        "model": model,
        "name": name,
        "description": description,
        "handoffs": handoffs,
        "metadata": metadata,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
