from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .completion_args import CompletionArgs
from .conversation_inputs import ConversationInputs
from .metadata_dict import MetadataDict

ConversationRestartStreamRequestHandoffExecution = Literal["client", "server"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationRestartStreamRequest(Model):
    inputs: ConversationInputs

    stream: Literal[True] | Unset = UNSET

    store: bool | Unset = UNSET
    """Whether to store the results into our servers or not."""

    handoff_execution: ConversationRestartStreamRequestHandoffExecution | str | Unset = UNSET

    completion_args: CompletionArgs | Unset = UNSET
    """Completion arguments that will be used to generate assistant responses. Can be overridden at each message
    request.
    """

    metadata: MetadataDict | None | Unset = UNSET
    """Custom metadata for the conversation."""

    from_entry_id: str

    agent_version: str | int | None | Unset = UNSET
    """Specific version of the agent to use when restarting. If not provided, uses the current version."""
