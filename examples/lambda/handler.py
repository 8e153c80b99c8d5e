"""An AWS Lambda handler answering a prompt with `chat_complete`, behind API Gateway (proxy integration).

Request body: `{"prompt": "...", "model": "...", "temperature": 0.2, "max_tokens": 200}`, only `prompt`
required. Answers `200 {"answer": ..., "model": ...}`; `400` for a bad request; `500` when the function
has no API key; `502` when the model service fails, `504` when it is too slow for the time the function
has left. Error bodies never carry the API key or what the model service said (that goes to the log).

Environment: `MISTRAL_API_KEY` (read by the Session at call time), `MISTRAL_MODEL` (default
`mistral-small-latest`) and `MISTRAL_SERVER_URL` (default: the Mistral API; tests point it at a local server).
Deploy with a layer built by `python -m mistral_fn.layer build --function chat_complete`: see README.md.
"""

import base64
import json
import logging
import os
from typing import Any, Protocol

from mistral_fn import Err, Ok, Session, chat_complete
from mistral_fn.errors import (
    HTTPValidationError,
    InvalidRequestError,
    MissingCredentialsError,
    MistralError,
    RequestTimeoutError,
)

logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)

DEFAULT_MODEL = "mistral-small-latest"
OPTIONAL_FIELDS = ("model", "temperature", "top_p", "max_tokens", "random_seed")
"""Body fields passed on to `chat_complete` as they are: the client checks them against the spec."""

RESPONSE_MARGIN_MS = 300
"""Time kept back from the call's budget so the function can still answer before Lambda stops it."""

# One Session, and so one connection pool, for the life of the execution environment: warm
# invocations skip the TLS handshake. The time each invocation has left is passed per call.
SESSION = Session()  # MISTRAL_API_KEY at call time; MISTRAL_SERVER_URL, when set, instead of the Mistral API


class LambdaContext(Protocol):
    """The part of Lambda's context object the handler uses."""

    def get_remaining_time_in_millis(self) -> int: ...


class BadRequest(Exception):
    """The event is not a request this function can answer; the message says why."""


def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    try:
        request = read_request(event)
    except BadRequest as e:
        return respond(400, {"error": str(e)})

    result = chat_complete(
        SESSION,
        model=request.pop("model", None) or os.environ.get("MISTRAL_MODEL") or DEFAULT_MODEL,
        messages=[{"role": "user", "content": request.pop("prompt")}],
        # The call (and any retry) never outlives the invocation: no attempt starts that cannot end in time.
        deadline_ms=context.get_remaining_time_in_millis() - RESPONSE_MARGIN_MS,
        **request,
    )

    match result:
        case Ok(response):
            # Read leniently: a field the server left out is UNSET (falsy), not an error.
            message = response.choices[0].message if response.choices else None
            if not message:
                logger.error("model service sent no choice: %r", response)
                return respond(502, {"error": "the model service gave no answer"})
            return respond(200, {"answer": text_of(message.content), "model": response.model or None})
        case Err(MissingCredentialsError() as error):
            # Our deployment's fault (no MISTRAL_API_KEY), not the caller's: a 500, and the log says why.
            logger.error("cannot call the model service: %s", error)
            return respond(500, {"error": "the function is not configured to call the model service"})
        case Err(InvalidRequestError(message=message)):
            # Our check of the fields against the spec, before sending: the caller's mistake, safe to show.
            return respond(400, {"error": message})
        case Err(HTTPValidationError(detail=detail) as error):
            # The service rejected fields the caller gave: name them, but not the service's words.
            logger.warning("model service rejected the request: %r", error)
            fields = sorted({field_path(item.loc) for item in detail})
            return respond(400, {"error": "the model service rejected these fields", "fields": fields})
        case Err(MistralError(status_code=429) as error):
            logger.warning("model service is rate limiting: %r", error)
            return respond(502, {"error": "the model service is busy; try again shortly"})
        case Err(MistralError(status_code=status) as error):
            logger.error("model service answered %s: %r", status, error)
            return respond(502, {"error": "the model service failed"})
        case Err(RequestTimeoutError() as error):
            logger.error("no answer in time: %r", error)
            return respond(504, {"error": "the model service did not answer in time"})
        case Err(error):
            logger.error("could not reach the model service: %r", error)
            return respond(502, {"error": "could not reach the model service"})


def read_request(event: dict[str, Any]) -> dict[str, Any]:
    """The JSON object in the event's body, with a non-empty `prompt` and only known fields."""
    body = event.get("body") if isinstance(event, dict) else None
    if not isinstance(body, str) or not body:
        raise BadRequest("the request needs a JSON body")
    try:
        if event.get("isBase64Encoded"):
            body = base64.b64decode(body).decode("utf-8")
        request = json.loads(body)
    except ValueError:  # binascii.Error, UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise BadRequest("the body is not valid JSON")
    if not isinstance(request, dict):
        raise BadRequest("the body must be a JSON object")
    prompt = request.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise BadRequest('the body needs a "prompt": a non-empty string')
    unknown = sorted(set(request) - {"prompt", *OPTIONAL_FIELDS})
    if unknown:
        raise BadRequest(f"unknown fields: {', '.join(unknown)}")
    return dict(request)


def field_path(loc: list[str | int]) -> str:
    """`["body", "messages", 0, "role"]` -> `messages.0.role`."""
    return ".".join(str(part) for part in (loc[1:] if loc[:1] == ["body"] else loc))


def text_of(content: object) -> str:
    """A message's content as text: it is a string, or a list of chunks of which the text ones count."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = (chunk.get("text") if isinstance(chunk, dict) else getattr(chunk, "text", None) for chunk in content)
        return "".join(part for part in parts if isinstance(part, str))
    return ""


def respond(status: int, body: dict[str, Any]) -> dict[str, Any]:
    """An API Gateway proxy response with a JSON body."""
    return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
