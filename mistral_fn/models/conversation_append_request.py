from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .completion_args import CompletionArgs
from .conversation_inputs import ConversationInputs

ConversationAppendRequestHandoffExecution = Literal["client", "server"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationAppendRequest(Model):
    inputs: ConversationInputs

    stream: Literal[False] | Unset = UNSET

    store: bool | Unset = UNSET
    """Whether to store the results into our servers or not."""

    handoff_execution: ConversationAppendRequestHandoffExecution | str | Unset = UNSET

    completion_args: CompletionArgs | Unset = UNSET
    """Completion arguments that will be used to generate assistant responses. Can be overridden at each message
    request.
    """
