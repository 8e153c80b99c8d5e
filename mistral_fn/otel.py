"""OpenTelemetry traces and metrics for every call of a session, per the GenAI semantic conventions.

    from mistral_fn.otel import instrument
    session = instrument(Session(), tracer_provider=provider, meter_provider=meter_provider)

Each call gives one CLIENT span named `"{operation} {model}"` (`chat mistral-small-latest`) with
the `gen_ai.*`, `server.*` and `error.type` attributes of the conventions and an event per retry;
a stream's span ends when the stream does (read to its end, failed, closed or dropped) and records
the time to its first chunk. Two histograms, `gen_ai.client.operation.duration` and
`gen_ai.client.token.usage`, are recorded per call. Message content is recorded only with
`capture_content=True`; the API key never is (nothing here reads the request headers).

Needs `opentelemetry-api` (`pip install 'mistral-fn[otel]'`). Nothing in mistral_fn imports this
module: a program that never calls `instrument` loads no OpenTelemetry code.
"""

import json
import time
import weakref
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
from opentelemetry import context as otel_context
from opentelemetry import metrics, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from . import __version__
from ._runtime.streams import EventStream
from .errors import MistralError
from .result import Result
from .session import CallObserver, CallStart, Hooks, Session
from .types import Unset

__all__ = ["instrument"]

PROVIDER_NAME = "mistral_ai"
SCHEMA_URL = "https://opentelemetry.io/schemas/1.37.0"

# The conventions' operation names, by what the operation sends; any other operation is named by
# its own operationId.
_GENAI_OPERATIONS = {
    "/v1/chat/completions": "chat",
    "/v1/fim/completions": "text_completion",
    "/v1/embeddings": "embeddings",
    "/v1/agents/completions": "invoke_agent",
}

# Request keywords -> the conventions' `gen_ai.request.*` attributes.
_REQUEST_ATTRIBUTES = {
    "temperature": "gen_ai.request.temperature",
    "top_p": "gen_ai.request.top_p",
    "max_tokens": "gen_ai.request.max_tokens",
    "presence_penalty": "gen_ai.request.presence_penalty",
    "frequency_penalty": "gen_ai.request.frequency_penalty",
    "random_seed": "gen_ai.request.seed",
    "n": "gen_ai.request.choice.count",
}

# The buckets the conventions advise for the two histograms.
_DURATION_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92]
_TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864]


def instrument(
    session: Session,
    *,
    tracer_provider: trace.TracerProvider | None = None,
    meter_provider: metrics.MeterProvider | None = None,
    capture_content: bool = False,
) -> Session:
    """A new `Session` like `session` whose calls are traced and measured (the global providers by default)."""
    telemetry = _Telemetry(tracer_provider, meter_provider, capture_content)
    hooks = session.hooks or Hooks()
    return session.with_hooks(attrs.evolve(hooks, on_call=[*hooks.on_call, telemetry.observe]))


class _Telemetry:
    """The tracer, the meter's two histograms and the content setting one `instrument` call made."""

    def __init__(
        self,
        tracer_provider: trace.TracerProvider | None,
        meter_provider: metrics.MeterProvider | None,
        capture_content: bool,
    ) -> None:
        self.tracer = trace.get_tracer("mistral_fn", __version__, tracer_provider, schema_url=SCHEMA_URL)
        meter = metrics.get_meter("mistral_fn", __version__, meter_provider, schema_url=SCHEMA_URL)
        self.duration = meter.create_histogram(
            "gen_ai.client.operation.duration",
            unit="s",
            description="GenAI operation duration",
            explicit_bucket_boundaries_advisory=_DURATION_BUCKETS,
        )
        self.tokens = meter.create_histogram(
            "gen_ai.client.token.usage",
            unit="{token}",
            description="Number of input and output tokens used",
            explicit_bucket_boundaries_advisory=_TOKEN_BUCKETS,
        )
        self.capture_content = capture_content

    def observe(self, start: CallStart) -> "_CallSpan":
        return _CallSpan(self, start)


class _CallSpan(CallObserver):
    """One call's span, from its start to the end of its result (or of its stream)."""

    def __init__(self, telemetry: _Telemetry, start: CallStart) -> None:
        self.telemetry = telemetry
        body = start.body or {}
        operation = _GENAI_OPERATIONS.get(start.path, start.operation_id)
        model = _plain(body.get("model"))
        url = urlsplit(start.base_url)
        self.common: dict[str, Any] = {
            "gen_ai.operation.name": operation,
            "gen_ai.provider.name": PROVIDER_NAME,
        }
        if isinstance(model, str):
            self.common["gen_ai.request.model"] = model
        if url.hostname:
            self.common["server.address"] = url.hostname
            self.common["server.port"] = url.port or (443 if url.scheme == "https" else 80)
        attributes = {**self.common, **_request_attributes(body, start.stream)}
        if telemetry.capture_content and _known(body.get("messages")):
            attributes["gen_ai.input.messages"] = _json(body["messages"])
        agent_id = _plain(body.get("agent_id"))
        if isinstance(agent_id, str):
            attributes["gen_ai.agent.id"] = agent_id
        name = f"{operation} {model}" if isinstance(model, str) else operation
        self.span: Span = telemetry.tracer.start_span(name, kind=SpanKind.CLIENT, attributes=attributes)
        self.started = time.monotonic()
        self.response_model: str | None = None
        # The span is the current one while the call runs, so spans made inside it (an HTTP
        # client's instrumentation, a hook's own) are its children.
        self._token: object | None = otel_context.attach(trace.set_span_in_context(self.span))

    def retrying(self, attempt: int, error: BaseException | None, delay: float) -> None:
        attributes: dict[str, Any] = {"mistral_fn.attempt": attempt, "mistral_fn.retry_delay_s": delay}
        if error is not None:
            attributes["error.type"] = _error_type(error)
            if isinstance(error, MistralError):
                attributes["http.response.status_code"] = error.status_code
        self.span.add_event("gen_ai.client.retry", attributes)

    def finished(self, result: Result[Any, Any]) -> None:
        self._detach()
        if not result.ok:
            self._end(error=result.error)  # type: ignore[union-attr]
            return
        value = result.value  # type: ignore[union-attr]
        if isinstance(value, EventStream):
            _StreamWatch(self).attach(value)
            return
        self._read_response(value)
        self._end()

    def _read_response(self, response: Any) -> None:
        span = self.span
        for attribute, name in (("id", "gen_ai.response.id"), ("model", "gen_ai.response.model")):
            value = _plain(getattr(response, attribute, None))
            if isinstance(value, str):
                span.set_attribute(name, value)
                if attribute == "model":
                    self.response_model = value
        choices = getattr(response, "choices", None)
        if isinstance(choices, list):
            reasons = [str(_plain(c.finish_reason)) for c in choices if _known(getattr(c, "finish_reason", None))]
            if reasons:
                span.set_attribute("gen_ai.response.finish_reasons", reasons)
            if self.telemetry.capture_content:
                messages = [c.message for c in choices if _known(getattr(c, "message", None))]
                if messages:
                    span.set_attribute("gen_ai.output.messages", _json(messages))
        usage = getattr(response, "usage", None)
        for attribute, token_type in (("prompt_tokens", "input"), ("completion_tokens", "output")):
            count = getattr(usage, attribute, None) if _known(usage) else None
            if isinstance(count, int):
                span.set_attribute(f"gen_ai.usage.{token_type}_tokens", count)
                self.telemetry.tokens.record(count, {**self._metric_attributes(), "gen_ai.token.type": token_type})

    def _end(self, error: BaseException | None = None) -> None:
        attributes = self._metric_attributes()
        if error is not None:
            error_type = _error_type(error)
            attributes["error.type"] = error_type
            self.span.set_attribute("error.type", error_type)
            if isinstance(error, MistralError):
                self.span.set_attribute("http.response.status_code", error.status_code)
            self.span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        self.telemetry.duration.record(time.monotonic() - self.started, attributes)
        self.span.end()

    def _metric_attributes(self) -> dict[str, Any]:
        attributes = dict(self.common)
        if self.response_model is not None:
            attributes["gen_ai.response.model"] = self.response_model
        return attributes

    def _detach(self) -> None:
        if self._token is not None:
            try:
                otel_context.detach(self._token)  # type: ignore[arg-type]
            finally:
                self._token = None


class _StreamWatch:
    """Follows a stream to its end to finish its call's span; the span ends once, whichever way it ends."""

    def __init__(self, call: _CallSpan) -> None:
        self.call = call
        self.first_chunk_at: float | None = None
        self.last_chunk: Any = None
        self.reasons: list[str] = []
        self.ended = False

    def attach(self, stream: EventStream[Any]) -> None:
        stream.watch(self.on_event, self.on_end)
        # A stream dropped without being read to its end or closed still ends its span.
        weakref.finalize(stream, self.on_end, None)

    def on_event(self, event: Any) -> None:
        if self.first_chunk_at is None:
            self.first_chunk_at = time.monotonic()
            self.call.span.set_attribute("gen_ai.response.time_to_first_chunk", self.first_chunk_at - self.call.started)
        chunk = getattr(event, "data", event)
        self.last_chunk = chunk
        for choice in getattr(chunk, "choices", None) or ():
            reason = _plain(getattr(choice, "finish_reason", None))
            if isinstance(reason, str):
                self.reasons.append(reason)

    def on_end(self, error: BaseException | None) -> None:
        if self.ended:
            return
        self.ended = True
        if self.last_chunk is not None:
            self.call._read_response(self.last_chunk)  # id, model and usage ride on the chunks
        if self.reasons:
            self.call.span.set_attribute("gen_ai.response.finish_reasons", self.reasons)
        self.call._end(error=error)


def _request_attributes(body: Mapping[str, Any], stream: bool) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for keyword, name in _REQUEST_ATTRIBUTES.items():
        value = _plain(body.get(keyword))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            attributes[name] = value
    stop = _plain(body.get("stop"))
    if isinstance(stop, str):
        attributes["gen_ai.request.stop_sequences"] = [stop]
    elif isinstance(stop, (list, tuple)) and all(isinstance(s, str) for s in stop):
        attributes["gen_ai.request.stop_sequences"] = list(stop)
    encoding = _plain(body.get("encoding_format"))
    if isinstance(encoding, str):
        attributes["gen_ai.request.encoding_formats"] = [encoding]
    response_format = body.get("response_format")
    kind = (
        response_format.get("type") if isinstance(response_format, Mapping) else getattr(response_format, "type", None)
    )
    if isinstance(_plain(kind), str):
        attributes["gen_ai.output.type"] = "text" if _plain(kind) == "text" else "json"
    if stream:
        attributes["gen_ai.request.stream"] = True
    return attributes


def _error_type(error: BaseException) -> str:
    """The conventions' `error.type`: the HTTP status of an error answer, else the error's class."""
    if isinstance(error, MistralError) and error.status_code:
        return str(error.status_code)
    return type(error).__name__


def _known(value: Any) -> bool:
    return value is not None and not isinstance(value, Unset)


def _plain(value: Any) -> Any:
    """An enum member's value, or the value itself."""
    return getattr(value, "value", value) if not isinstance(value, (str, int, float)) else value


def _json(value: Any) -> str:
    from ._runtime.convert import to_json

    return json.dumps(to_json(value), ensure_ascii=False, separators=(",", ":"))
