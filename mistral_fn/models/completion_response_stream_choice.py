from typing import Literal

import attrs

from ..types import Model
from .delta_message import DeltaMessage

CompletionResponseStreamChoiceFinishReason = Literal["stop", "length", "error", "tool_calls"]


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionResponseStreamChoice(Model):
    index: int

    delta: DeltaMessage

    finish_reason: CompletionResponseStreamChoiceFinishReason | str | None
