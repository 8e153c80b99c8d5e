from typing import Annotated, Any

import attrs

from ..types import Discriminator, Model
from .agent_handoff_done_event import AgentHandoffDoneEvent
from .agent_handoff_started_event import AgentHandoffStartedEvent
from .function_call_event import FunctionCallEvent
from .message_output_event import MessageOutputEvent
from .response_done_event import ResponseDoneEvent
from .response_error_event import ResponseErrorEvent
from .response_started_event import ResponseStartedEvent
from .sse_types import SSETypes
from .tool_execution_delta_event import ToolExecutionDeltaEvent
from .tool_execution_done_event import ToolExecutionDoneEvent
from .tool_execution_started_event import ToolExecutionStartedEvent

ConversationEventsData = Annotated[
    ResponseStartedEvent
    | ResponseDoneEvent
    | ResponseErrorEvent
    | ToolExecutionStartedEvent
    | ToolExecutionDeltaEvent
    | ToolExecutionDoneEvent
    | MessageOutputEvent
    | FunctionCallEvent
    | AgentHandoffStartedEvent
    | AgentHandoffDoneEvent
    | dict[str, Any],
    Discriminator(
        "type",
        {
            "agent.handoff.done": AgentHandoffDoneEvent,
            "agent.handoff.started": AgentHandoffStartedEvent,
            "conversation.response.done": ResponseDoneEvent,
            "conversation.response.error": ResponseErrorEvent,
            "conversation.response.started": ResponseStartedEvent,
            "function.call.delta": FunctionCallEvent,
            "message.output.delta": MessageOutputEvent,
            "tool.execution.delta": ToolExecutionDeltaEvent,
            "tool.execution.done": ToolExecutionDoneEvent,
            "tool.execution.started": ToolExecutionStartedEvent,
        },
    ),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationEvents(Model):
    event: SSETypes | str

    data: ConversationEventsData
