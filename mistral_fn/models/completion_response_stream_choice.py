from typing import Literal

import attrs

from ..types import Model
from .delta_message import DeltaMessage


@attrs.define(kw_only=True)
class CompletionResponseStreamChoice(Model):
    index: int

    delta: DeltaMessage

    finish_reason: Literal["stop", "length", "error", "tool_calls", None]
