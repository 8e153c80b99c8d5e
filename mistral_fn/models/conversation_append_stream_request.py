from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .completion_args import CompletionArgs
from .conversation_inputs import ConversationInputs

ConversationAppendStreamRequestHandoffExecution = Literal["client", "server"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationAppendStreamRequest(Model):
    inputs: ConversationInputs

    stream: Literal[True] | Unset = UNSET

    store: bool | Unset = UNSET
    """Whether to store the results into our servers or not."""

    handoff_execution: ConversationAppendStreamRequestHandoffExecution | str | Unset = UNSET

    completion_args: CompletionArgs | Unset = UNSET
    """Completion arguments that will be used to generate assistant responses. Can be overridden at each message
    request.
    """
