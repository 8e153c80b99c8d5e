"""mistral_fn.otel.instrument: spans and metrics per the GenAI semantic conventions, read back through
opentelemetry-sdk's in-memory span exporter and metric reader, against a loopback server."""

import gc
import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from mistral_fn import Hooks, Session, chat_complete, chat_stream, embeddings_create
from mistral_fn.otel import instrument
from tests.fixtures import FAST, chat_reply
from tests.loopback import Loopback

API_KEY = "sk-otel-test-0123456789abcdef"
MESSAGES = [{"role": "user", "content": "Who is the best French painter?"}]
CHAT = chat_reply(id="cmpl-7", model="mistral-small-2506", usage=(11, 4))


class Telemetry:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.metrics = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.metrics])

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def points(self, name: str) -> list[Any]:
        data = self.metrics.get_metrics_data()
        assert data is not None
        return [
            point
            for resource in data.resource_metrics
            for scope in resource.scope_metrics
            for metric in scope.metrics
            if metric.name == name
            for point in metric.data.data_points
        ]


@pytest.fixture
def telemetry() -> Iterator[Telemetry]:
    t = Telemetry()
    yield t
    t.tracer_provider.shutdown()
    t.meter_provider.shutdown()


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s


def traced(server_url: str, telemetry: Telemetry, **kwargs: Any) -> Session:
    session = Session(api_key=API_KEY, server_url=server_url, timeout_ms=5_000, **kwargs)
    return instrument(session, tracer_provider=telemetry.tracer_provider, meter_provider=telemetry.meter_provider, **{})


def everything_recorded(telemetry: Telemetry) -> str:
    """Every span (attributes, events, status) and metric point, as one text to search for secrets."""
    spans = [span.to_json() for span in telemetry.finished()]
    data = telemetry.metrics.get_metrics_data()
    return "\n".join(spans) + (data.to_json() if data is not None else "")


def test_a_completion(server: Loopback, telemetry: Telemetry) -> None:
    server.reply(200, CHAT)
    session = traced(server.url, telemetry)
    result = chat_complete(session, model="mistral-small-latest", messages=MESSAGES, temperature=0.2, max_tokens=50)
    assert result.ok
    (span,) = telemetry.finished()
    assert span.name == "chat mistral-small-latest"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    assert dict(span.attributes or {}) == {
        "gen_ai.provider.name": "mistral_ai",
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "mistral-small-latest",
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.max_tokens": 50,
        "gen_ai.response.id": "cmpl-7",
        "gen_ai.response.model": "mistral-small-2506",
        "gen_ai.response.finish_reasons": ("stop",),
        "gen_ai.usage.input_tokens": 11,
        "gen_ai.usage.output_tokens": 4,
        "server.address": "127.0.0.1",
        "server.port": server.port,
    }
    (duration,) = telemetry.points("gen_ai.client.operation.duration")
    assert duration.count == 1 and 0 < duration.sum < 5
    assert duration.attributes["gen_ai.operation.name"] == "chat"
    assert duration.attributes["gen_ai.response.model"] == "mistral-small-2506"
    assert "error.type" not in duration.attributes
    tokens = {p.attributes["gen_ai.token.type"]: p.sum for p in telemetry.points("gen_ai.client.token.usage")}
    assert tokens == {"input": 11, "output": 4}
    recorded = everything_recorded(telemetry)
    assert API_KEY not in recorded
    assert "Monet" not in recorded and "French painter" not in recorded, "content recorded without capture_content"


def test_content_only_when_asked(server: Loopback, telemetry: Telemetry) -> None:
    server.reply(200, CHAT)
    session = instrument(
        Session(api_key=API_KEY, server_url=server.url),
        tracer_provider=telemetry.tracer_provider,
        meter_provider=telemetry.meter_provider,
        capture_content=True,
    )
    assert chat_complete(session, model="mistral-small-latest", messages=MESSAGES).ok
    (span,) = telemetry.finished()
    attributes = span.attributes or {}
    assert json.loads(str(attributes["gen_ai.input.messages"])) == MESSAGES
    assert json.loads(str(attributes["gen_ai.output.messages"])) == [{"role": "assistant", "content": "Claude Monet."}]
    assert API_KEY not in everything_recorded(telemetry)


def sse(chunks: list[dict[str, Any]]) -> list[str]:
    return [f"data: {json.dumps(chunk)}\n\n" for chunk in chunks] + ["data: [DONE]\n\n"]


STREAM = [
    {
        "id": "s-1",
        "model": "mistral-small-2506",
        "choices": [{"index": 0, "delta": {"content": "Claude"}, "finish_reason": None}],
    },
    {
        "id": "s-1",
        "model": "mistral-small-2506",
        "choices": [{"index": 0, "delta": {"content": " Monet."}, "finish_reason": None}],
    },
    {
        "id": "s-1",
        "model": "mistral-small-2506",
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11},
    },
]


def test_a_stream_span_ends_with_the_stream(server: Loopback, telemetry: Telemetry) -> None:
    server.reply_sse(sse(STREAM), pause=0.02)
    session = traced(server.url, telemetry)
    result = chat_stream(session, model="mistral-small-latest", messages=MESSAGES)
    assert result.ok
    stream = result.value
    assert telemetry.finished() == [], "the span ended before the stream did"
    assert stream.text().unwrap() == "Claude Monet."
    (span,) = telemetry.finished()
    attributes = dict(span.attributes or {})
    assert span.name == "chat mistral-small-latest"
    assert attributes["gen_ai.request.stream"] is True
    assert attributes["gen_ai.response.id"] == "s-1"
    assert attributes["gen_ai.response.model"] == "mistral-small-2506"
    assert attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert (attributes["gen_ai.usage.input_tokens"], attributes["gen_ai.usage.output_tokens"]) == (9, 2)
    first_chunk = attributes["gen_ai.response.time_to_first_chunk"]
    assert isinstance(first_chunk, float) and 0 < first_chunk < 5
    assert span.end_time is not None and span.start_time is not None
    assert (span.end_time - span.start_time) / 1e9 >= first_chunk
    (duration,) = telemetry.points("gen_ai.client.operation.duration")
    assert duration.count == 1


def test_an_abandoned_stream_still_ends_its_span(server: Loopback, telemetry: Telemetry) -> None:
    server.reply_sse(sse(STREAM))
    session = traced(server.url, telemetry)
    stream = chat_stream(session, model="mistral-small-latest", messages=MESSAGES).unwrap()
    next(iter(stream))
    del stream
    gc.collect()
    (span,) = telemetry.finished()
    assert span.name == "chat mistral-small-latest"


def test_a_failed_stream_marks_its_span(server: Loopback, telemetry: Telemetry) -> None:
    server.reply_sse([f"data: {json.dumps(STREAM[0])}\n\n"])  # cut before [DONE]
    session = traced(server.url, telemetry)
    stream = chat_stream(session, model="mistral-small-latest", messages=MESSAGES).unwrap()
    assert not stream.collect().ok
    (span,) = telemetry.finished()
    assert span.status.status_code is StatusCode.ERROR
    assert (span.attributes or {})["error.type"] == "ConnectionError"


def test_an_embedding(server: Loopback, telemetry: Telemetry) -> None:
    server.reply(
        200,
        {
            "id": "emb-1",
            "object": "list",
            "model": "mistral-embed",
            "usage": {"prompt_tokens": 6, "completion_tokens": 0, "total_tokens": 6},
            "data": [{"object": "embedding", "embedding": [0.1, 0.2], "index": 0}],
        },
    )
    session = traced(server.url, telemetry)
    assert embeddings_create(session, model="mistral-embed", input=["a", "b"]).ok
    (span,) = telemetry.finished()
    assert span.name == "embeddings mistral-embed"
    attributes = dict(span.attributes or {})
    assert attributes["gen_ai.operation.name"] == "embeddings"
    assert attributes["gen_ai.usage.input_tokens"] == 6
    assert attributes["gen_ai.response.model"] == "mistral-embed"


def test_a_retried_429_is_one_span_with_a_retry_event(server: Loopback, telemetry: Telemetry) -> None:
    server.reply(429, {"message": "slow down"}, headers={"Retry-After": "0"})
    server.reply(200, CHAT)
    session = traced(server.url, telemetry, retry_config=FAST)
    result = chat_complete(session, model="mistral-small-latest", messages=MESSAGES)
    assert result.ok and result.meta.attempts == 2
    (span,) = telemetry.finished()
    (event,) = span.events
    assert event.name == "gen_ai.client.retry"
    attributes = dict(event.attributes or {})
    assert attributes["error.type"] == "429"
    assert attributes["http.response.status_code"] == 429
    assert attributes["mistral_fn.attempt"] == 1
    assert span.status.status_code is StatusCode.UNSET
    assert "error.type" not in (span.attributes or {})


def test_an_error_answer(server: Loopback, telemetry: Telemetry) -> None:
    server.reply(401, {"message": f"bad key {API_KEY}"})
    session = traced(server.url, telemetry)
    assert not chat_complete(session, model="mistral-small-latest", messages=MESSAGES).ok
    (span,) = telemetry.finished()
    assert span.status.status_code is StatusCode.ERROR
    assert (span.attributes or {})["error.type"] == "401"
    assert (span.attributes or {})["http.response.status_code"] == 401
    (duration,) = telemetry.points("gen_ai.client.operation.duration")
    assert duration.attributes["error.type"] == "401"
    assert API_KEY not in everything_recorded(telemetry)


def test_a_transport_error(telemetry: Telemetry) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    session = traced(f"http://127.0.0.1:{port}", telemetry)
    result = chat_complete(session, model="mistral-small-latest", messages=MESSAGES)
    assert not result.ok
    (span,) = telemetry.finished()
    assert span.status.status_code is StatusCode.ERROR
    assert (span.attributes or {})["error.type"] == "ConnectionError"
    assert (span.attributes or {})["server.port"] == port
    (duration,) = telemetry.points("gen_ai.client.operation.duration")
    assert duration.attributes["error.type"] == "ConnectionError"


def test_the_callers_hooks_still_run(server: Loopback, telemetry: Telemetry) -> None:
    seen: list[int] = []
    server.reply(200, CHAT)
    session = Session(
        api_key=API_KEY, server_url=server.url, hooks=Hooks(before_request=[lambda ctx, r: seen.append(ctx.attempt)])
    )
    instrumented = instrument(session, tracer_provider=telemetry.tracer_provider)
    assert chat_complete(instrumented, model="m", messages=MESSAGES).ok
    assert seen == [1] and len(telemetry.finished()) == 1
    assert session.hooks is not None and not session.hooks.on_call, "instrument changed the session it was given"


def test_nothing_loads_opentelemetry_unless_asked() -> None:
    code = (
        "import sys, mistral_fn\n"
        "from mistral_fn import chat_complete, Session\n"
        "Session(api_key='k')\n"
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
