import attrs

from ..types import UNSET, Model, Unset
from .completion_args_stop import CompletionArgsStop
from .prediction import Prediction
from .response_format import ResponseFormat
from .tool_choice_enum import ToolChoiceEnum


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionArgs(Model):
    """White-listed arguments from the completion API"""

    _closed = True  # additionalProperties: false

    stop: CompletionArgsStop | Unset = UNSET

    presence_penalty: float | None | Unset = UNSET

    frequency_penalty: float | None | Unset = UNSET

    temperature: float | None | Unset = UNSET

    top_p: float | None | Unset = UNSET

    max_tokens: int | None | Unset = UNSET

    random_seed: int | None | Unset = UNSET

    prediction: Prediction | None | Unset = UNSET

    response_format: ResponseFormat | None | Unset = UNSET

    tool_choice: ToolChoiceEnum | str | Unset = UNSET
