"""An AWS Lambda handler using mistral_fn with AWS Lambda Powertools' Logger and Tracer.

Event: `{"prompt": "...", "model": "..."}` (a direct invocation; `model` optional). Answers
`{"answer": ...}` or `{"error": ...}`. Powertools writes one JSON log line per event with the Lambda
request id, and traces the call to Mistral as an X-Ray subsegment annotated with the model and the
Mistral request id. Powertools is the function's own dependency (`aws-lambda-powertools[tracer]`,
or AWS's public Powertools layer), not mistral_fn's.

The `Session` (and its connection pool) is made once per execution environment; each call gets the
time the invocation has left as its `deadline_ms`, so no attempt starts that cannot finish in time.
"""

import os
from typing import Any

from aws_lambda_powertools import Logger, Tracer
from aws_lambda_powertools.utilities.typing import LambdaContext

from mistral_fn import Err, HookContext, Hooks, Ok, Session, chat_complete
from mistral_fn.errors import MistralError, RequestTimeoutError

logger = Logger(service="chat")
tracer = Tracer(service="chat")

RESPONSE_MARGIN_MS = 300
"""Time kept back from the invocation's budget to answer before Lambda stops the function."""


def log_failed_attempt(ctx: HookContext, response: Any, error: BaseException | None) -> None:
    """Every failed attempt, retried or not, as a structured log line (errors never carry the key)."""
    logger.warning(
        "mistral attempt failed",
        extra={"operation": ctx.operation_id, "attempt": ctx.attempt, "error": repr(error)},
    )


session = Session(
    server_url=os.environ.get("MISTRAL_SERVER_URL") or None,
    hooks=Hooks(after_error=[log_failed_attempt]),
)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    prompt = event.get("prompt") if isinstance(event, dict) else None
    if not isinstance(prompt, str) or not prompt.strip():
        return {"error": 'the event needs a "prompt": a non-empty string'}
    model = event.get("model") or os.environ.get("MISTRAL_MODEL") or "mistral-small-latest"
    with tracer.provider.in_subsegment("## chat_complete") as subsegment:
        subsegment.put_annotation("model", model)
        result = chat_complete(
            session,
            model=model,
            messages=[{"role": "user", "content": prompt}],
            deadline_ms=max(context.get_remaining_time_in_millis() - RESPONSE_MARGIN_MS, 1),
        )
        if isinstance(result, Ok) and result.meta is not None and result.meta.request_id:
            subsegment.put_annotation("mistral_request_id", result.meta.request_id)
    match result:
        case Ok(response):
            usage = response.usage
            logger.info(
                "answered",
                extra={
                    "model": response.model,
                    "mistral_request_id": result.meta.request_id if result.meta else None,
                    "prompt_tokens": usage.prompt_tokens if usage else None,
                    "completion_tokens": usage.completion_tokens if usage else None,
                },
            )
            content = response.choices[0].message.content if response.choices else None
            return {"answer": content if isinstance(content, str) else ""}
        case Err(RequestTimeoutError() as error):
            logger.error("no answer in time", extra={"error": repr(error)})
            return {"error": "the model service did not answer in time"}
        case Err(MistralError(status_code=status) as error):
            logger.error("model service failed", extra={"status": status, "error": repr(error)})
            return {"error": "the model service failed"}
        case Err(error):
            logger.error("call failed", extra={"error": repr(error)})
            return {"error": "could not reach the model service"}
