"""Update an agent entity: PATCH /v1/agents/{agent_id}."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.agent import Agent
from ..models.agent_update_request import AgentUpdateRequest, AgentUpdateRequestTools
from ..models.completion_args import CompletionArgs
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

BetaAgentsUpdateError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="agents_api_v1_agents_update",
    method="PATCH",
    path="/v1/agents/{agent_id}",
    body=AgentUpdateRequest,
    ok={200: Agent},
    errors={422: HTTPValidationError},
    params={"agent_id": str},
)
"""What `beta_agents_update` sends and expects back."""


def beta_agents_update(
    session: Session,
    *,
    agent_id: str,
    instructions: str | None | Unset = UNSET,
    tools: Sequence[AgentUpdateRequestTools | Mapping[str, Any]] | Unset = UNSET,
    completion_args: CompletionArgs | Mapping[str, Any] | Unset = UNSET,
    model: str | None | Unset = UNSET,
    name: str | None | Unset = UNSET,
    description: str | None | Unset = UNSET,
    handoffs: Sequence[str] | None | Unset = UNSET,
    deployment_chat: bool | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[Agent, BetaAgentsUpdateError]:
    """Update an agent entity.

    Update an agent attributes and create a new version.

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
        "deployment_chat": deployment_chat,
        "metadata": metadata,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, path={"agent_id": agent_id}, body=body, call=call)
