from typing import Annotated, Any

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .assistant_message import AssistantMessage
from .mistral_prompt_mode import MistralPromptMode
from .prediction import Prediction
from .response_format import ResponseFormat
from .system_message import SystemMessage
from .tool import Tool
from .tool_choice import ToolChoice
from .tool_choice_enum import ToolChoiceEnum
from .tool_message import ToolMessage
from .user_message import UserMessage

ChatCompletionRequestMessages = Annotated[
    SystemMessage | UserMessage | AssistantMessage | ToolMessage | dict[str, Any],
    Discriminator(
        "role", {"assistant": AssistantMessage, "system": SystemMessage, "tool": ToolMessage, "user": UserMessage}
    ),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class ChatCompletionRequest(Model):
    _closed = True  # additionalProperties: false

    model: str
    """ID of the model to use. You can use the [List Available
    Models](/api/#tag/models/operation/list_models_v1_models_get) API to see all of your available models, or see
    our [Model overview](/models) for model descriptions.
    """

    temperature: float | None | Unset = UNSET
    """What sampling temperature to use, we recommend between 0.0 and 0.7. Higher values like 0.7 will make the
    output more random, while lower values like 0.2 will make it more focused and deterministic. We generally
    recommend altering this or `top_p` but not both. The default value varies depending on the model you are
    targeting. Call the `/models` endpoint to retrieve the appropriate value.
    """

    top_p: float | Unset = UNSET
    """Nucleus sampling, where the model considers the results of the tokens with `top_p` probability mass. So 0.1
    means only the tokens comprising the top 10% probability mass are considered. We generally recommend altering
    this or `temperature` but not both.
    """

    max_tokens: int | None | Unset = UNSET
    """The maximum number of tokens to generate in the completion. The token count of your prompt plus `max_tokens`
    cannot exceed the model's context length.
    """

    stream: bool | Unset = UNSET
    """Whether to stream back partial progress. If set, tokens will be sent as data-only server-side events as they
    become available, with the stream terminated by a data: [DONE] message. Otherwise, the server will hold the
    request open until the timeout or until completion, with the response containing the full result as JSON.
    """

    stop: str | list[str] | Unset = UNSET
    """Stop generation if this token is detected. Or if one of these tokens is detected when providing an array"""

    random_seed: int | None | Unset = UNSET
    """The seed to use for random sampling. If set, different calls will generate deterministic results."""

    metadata: dict[str, Any] | None | Unset = UNSET

    messages: list[ChatCompletionRequestMessages]
    """The prompt(s) to generate completions for, encoded as a list of dict with role and content."""

    response_format: ResponseFormat | Unset = UNSET

    tools: list[Tool] | None | Unset = UNSET
    """A list of tools the model may call. Use this to provide a list of functions the model may generate JSON
    inputs for.
    """

    tool_choice: ToolChoice | ToolChoiceEnum | str | Unset = UNSET
    """Controls which (if any) tool is called by the model. `none` means the model will not call any tool and
    instead generates a message. `auto` means the model can pick between generating a message or calling one or
    more tools. `any` or `required` means the model must call one or more tools. Specifying a particular tool via
    `{"type": "function", "function": {"name": "my_function"}}` forces the model to call that tool.
    """

    presence_penalty: float | Unset = UNSET
    """The `presence_penalty` determines how much the model penalizes the repetition of words or phrases. A higher
    presence penalty encourages the model to use a wider variety of words and phrases, making the output more
    diverse and creative.
    """

    frequency_penalty: float | Unset = UNSET
    """The `frequency_penalty` penalizes the repetition of words based on their frequency in the generated text. A
    higher frequency penalty discourages the model from repeating words that have already appeared frequently in
    the output, promoting diversity and reducing repetition.
    """

    n: int | None | Unset = UNSET
    """Number of completions to return for each request, input tokens are only billed once."""

    prediction: Prediction | Unset = UNSET
    """Enable users to specify expected results, optimizing response times by leveraging known or predictable
    content. This approach is especially effective for updating text documents or code files with minimal
    changes, reducing latency while maintaining high-quality results.
    """

    parallel_tool_calls: bool | Unset = UNSET
    """Whether to enable parallel function calling during tool use, when enabled the model can call multiple tools
    in parallel.
    """

    prompt_mode: MistralPromptMode | str | None | Unset = UNSET
    """Allows toggling between the reasoning mode and no system prompt. When set to `reasoning` the system prompt
    for reasoning models will be used.
    """

    safe_prompt: bool | Unset = UNSET
    """Whether to inject a safety prompt before all conversations."""
