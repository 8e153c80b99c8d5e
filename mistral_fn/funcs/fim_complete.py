"""Fim Completion: POST /v1/fim/completions."""

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError, HTTPValidationError
from ..models.fim_completion_request import FIMCompletionRequest
from ..models.fim_completion_response import FIMCompletionResponse
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

FimCompleteError = HTTPValidationError | CommonError

OPERATION = Operation(
    operation_id="fim_completion_v1_fim_completions_post",
    method="POST",
    path="/v1/fim/completions",
    body=FIMCompletionRequest,
    ok={200: FIMCompletionResponse},
    errors={422: HTTPValidationError},
)
"""What `fim_complete` sends and expects back."""


def fim_complete(
    session: Session,
    *,
    model: str,
    prompt: str,
    temperature: float | None | Unset = UNSET,
    top_p: float | Unset = UNSET,
    max_tokens: int | None | Unset = UNSET,
    stop: str | Sequence[str] | Unset = UNSET,
    random_seed: int | None | Unset = UNSET,
    metadata: Mapping[str, Any] | None | Unset = UNSET,
    suffix: str | None | Unset = UNSET,
    min_tokens: int | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[FIMCompletionResponse, FimCompleteError]:
    """Fim Completion.

    Args:
        model: ID of the model with FIM to use. Default: "codestral-2404".
        prompt: The text/code to complete.
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
        suffix: Optional text/code that adds more context for the model. When given a `prompt` and a `suffix` the
            model will fill what is between them. When `suffix` is not provided, the model will simply execute
            completion starting with `prompt`. Default: "".
        min_tokens: The minimum number of tokens to generate in the completion.
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
        "prompt": prompt,
        "suffix": suffix,
        "min_tokens": min_tokens,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, body=body, call=call)
