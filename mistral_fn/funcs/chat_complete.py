"""Chat Completion: POST /v1/chat/completions."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.chat_completion_request import ChatCompletionRequest, ChatCompletionRequestMessages
from ..models.chat_completion_response import ChatCompletionResponse
from ..models.mistral_prompt_mode import MistralPromptMode
from ..models.prediction import Prediction
from ..models.response_format import ResponseFormat
from ..models.tool import Tool
from ..models.tool_choice import ToolChoice
from ..models.tool_choice_enum import ToolChoiceEnum
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

ChatCompleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="chat_completion_v1_chat_completions_post",
    method="POST",
    path="/v1/chat/completions",
    body=ChatCompletionRequest,
    ok={200: ChatCompletionResponse},
    errors={422: HTTPValidationError},
)
"""What `chat_complete` sends and expects back."""


def chat_complete(
    session: Session,
    *,
    model: str,
    messages: Sequence[ChatCompletionRequestMessages | Mapping[str, Any]],
    temperature: float | None | Unset = UNSET,
    top_p: float | Unset = UNSET,
    max_tokens: int | None | Unset = UNSET,
    stop: str | Sequence[str] | Unset = UNSET,
    random_seed: int | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    response_format: ResponseFormat | Mapping[str, Any] | Unset = UNSET,
    tools: Sequence[Tool | Mapping[str, Any]] | None | Unset = UNSET,
    tool_choice: ToolChoice | ToolChoiceEnum | str | Mapping[str, Any] | Unset = UNSET,
    presence_penalty: float | Unset = UNSET,
    frequency_penalty: float | Unset = UNSET,
    n: int | None | Unset = UNSET,
    prediction: Prediction | Mapping[str, Any] | Unset = UNSET,
    parallel_tool_calls: bool | Unset = UNSET,
    prompt_mode: MistralPromptMode | str | None | Unset = UNSET,
    safe_prompt: bool | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ChatCompletionResponse, ChatCompleteError]:
    """Chat Completion.

    Args:
        model: ID of the model to use. You can use the [List Available
            Models](/api/#tag/models/operation/list_models_v1_models_get) API to see all of your available models,
            or see our [Model overview](/models) for model descriptions.
        messages: The prompt(s) to generate completions for, encoded as a list of dict with role and content.
        temperature: What sampling temperature to use, we recommend between 0.0 and 0.7. Higher values like 0.7 will
            make the output more random, while lower values like 0.2 will make it more focused and deterministic. We
            generally recommend altering this or `top_p` but not both. The default value varies depending on the
            model you are targeting. Call the `/models` endpoint to retrieve the appropriate value.
        top_p: Nucleus sampling, where the model considers the results of the tokens with `top_p` probability mass.
            So 0.1 means only the tokens comprising the top 10% probability mass are considered. We generally
            recommend altering this or `temperature` but not both. Default: 1.0.
        max_tokens: The maximum number of tokens to generate in the completion. The token count of your prompt plus
            `max_tokens` cannot exceed the model's context length.
        stop: Stop generation if this token is detected. Or if one of these tokens is detected when providing an
            array
        random_seed: The seed to use for random sampling. If set, different calls will generate deterministic
            results.
        tools: A list of tools the model may call. Use this to provide a list of functions the model may generate
            JSON inputs for.
        tool_choice: Controls which (if any) tool is called by the model. `none` means the model will not call any
            tool and instead generates a message. `auto` means the model can pick between generating a message or
            calling one or more tools. `any` or `required` means the model must call one or more tools. Specifying a
            particular tool via `{"type": "function", "function": {"name": "my_function"}}` forces the model to call
            that tool. Default: "auto".
        presence_penalty: The `presence_penalty` determines how much the model penalizes the repetition of words or
            phrases. A higher presence penalty encourages the model to use a wider variety of words and phrases,
            making the output more diverse and creative. Default: 0.0.
        frequency_penalty: The `frequency_penalty` penalizes the repetition of words based on their frequency in the
            generated text. A higher frequency penalty discourages the model from repeating words that have already
            appeared frequently in the output, promoting diversity and reducing repetition. Default: 0.0.
        n: Number of completions to return for each request, input tokens are only billed once.
        prediction: Enable users to specify expected results, optimizing response times by leveraging known or
            predictable content. This approach is especially effective for updating text documents or code files
            with minimal changes, reducing latency while maintaining high-quality results. Default: {"type":
            "content", "content": ""}.
        parallel_tool_calls: Whether to enable parallel function calling during tool use, when enabled the model can
            call multiple tools in parallel. Default: True.
        prompt_mode: Allows toggling between the reasoning mode and no system prompt. When set to `reasoning` the
            system prompt for reasoning models will be used.
        safe_prompt: Whether to inject a safety prompt before all conversations. Default: False.
    """
    body = {
        "model": model,
        "temperature": temperature,
        "top_p": top_p,
        "max_tokens": max_tokens,
        "stream": False,
        "stop": stop,
        "random_seed": random_seed,
        "metadata": metadata,
        "messages": messages,
        "response_format": response_format,
        "tools": tools,
        "tool_choice": tool_choice,
        "presence_penalty": presence_penalty,
        "frequency_penalty": frequency_penalty,
        "n": n,
        "prediction": prediction,
        "parallel_tool_calls": parallel_tool_calls,
        "prompt_mode": prompt_mode,
        "safe_prompt": safe_prompt,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
