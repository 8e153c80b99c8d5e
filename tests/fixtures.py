"""Values many tests share: a chat completion reply body and a retry policy that waits milliseconds.

Test-local copies drift (one gains a field the model later requires, another keeps an old shape);
import these instead, and pass what a test asserts on explicitly.
"""

from typing import Any

from mistral_fn import BackoffStrategy, RetryConfig

FAST = RetryConfig(backoff=BackoffStrategy(initial_interval=5, max_interval=20, exponent=2, max_elapsed_time=5000))
"""Retries with waits of a few milliseconds, for tests that count attempts rather than time them."""


def chat_reply(
    content: str = "Claude Monet.",
    *,
    id: str = "cmpl-1",
    model: str = "mistral-small-latest",
    usage: tuple[int, int] = (7, 3),
    finish_reason: str = "stop",
) -> dict[str, Any]:
    """A ChatCompletionResponse body as the API sends it: one choice, `usage` = (prompt, completion) tokens."""
    prompt, completion = usage
    return {
        "id": id,
        "object": "chat.completion",
        "model": model,
        "created": 1700000000,
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}],
    }
