from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .completion_args import CompletionArgs
from .conversation_inputs import ConversationInputs

ConversationAppendRequestBaseHandoffExecution = Literal["client", "server"]


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationAppendRequestBase(Model):
    _closed = True  # additionalProperties: false

    inputs: ConversationInputs

    stream: bool | Unset = UNSET
    """Whether to stream back partial progress. Otherwise, the server will hold the request open until the timeout
    or until completion, with the response containing the full result as JSON.
    """

    store: bool | Unset = UNSET
    """Whether to store the results into our servers or not."""

    handoff_execution: ConversationAppendRequestBaseHandoffExecution | str | Unset = UNSET

    completion_args: CompletionArgs | Unset = UNSET
    """Completion arguments that will be used to generate assistant responses. Can be overridden at each message
    request.
    """
