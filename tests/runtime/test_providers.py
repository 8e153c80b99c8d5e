"""Azure AI and Vertex AI sessions: URLs, query, auth header and body, and refusals that send nothing."""

from mistral_fn import Err, Ok, providers
from mistral_fn._runtime.invoke import invoke
from mistral_fn.errors import InvalidRequestError
from tests.loopback import Loopback
from tests.runtime.shapes import CHAT, CHAT_BODY, CHAT_REPLY, CHAT_STREAM, LIST


def test_azure_paths_query_and_key(server: Loopback) -> None:
    """Azure keeps /v1 paths on the deployment host, adds api-version, sends the key as a Bearer token."""
    server.reply(200, CHAT_REPLY)
    session = providers.azure(server.url + "/v1/", api_key=lambda: "azure-key", api_version="2024-05-01-preview")
    assert isinstance(invoke(session, CHAT, body=CHAT_BODY), Ok)
    request = server.requests[0]
    assert request.path == "/v1/chat/completions"
    assert request.query == [("api-version", "2024-05-01-preview")]
    assert request.header("Authorization") == "Bearer azure-key"
    assert request.json()["model"] == "m"


def test_gcp_raw_predict_url_and_model_name(server: Loopback) -> None:
    """mistral-large-2407 goes to .../models/mistral-large@2407:rawPredict with model "mistral-large"."""
    server.reply(200, CHAT_REPLY)
    session = providers.gcp("my-proj", "europe-west4", access_token="ya29.token", base_url=server.url)
    body = {**CHAT_BODY, "model": "mistral-large-2407"}
    assert isinstance(invoke(session, CHAT, body=body), Ok)
    request = server.requests[0]
    assert request.path == (
        "/v1/projects/my-proj/locations/europe-west4/publishers/mistralai/models/mistral-large@2407:rawPredict"
    )
    assert request.header("Authorization") == "Bearer ya29.token"
    assert request.json()["model"] == "mistral-large"


def test_gcp_streams_use_stream_raw_predict(server: Loopback) -> None:
    """Streaming operations go to :streamRawPredict."""
    server.reply_sse(["data: [DONE]\n\n"])
    session = providers.gcp("p", "us-central1", access_token="t", base_url=server.url)
    result = invoke(session, CHAT_STREAM, body={**CHAT_BODY, "model": "codestral-2405"})
    assert isinstance(result, Ok)
    result.value.close()
    assert server.requests[0].path.endswith("/models/codestral@2405:streamRawPredict")


def test_gcp_default_host() -> None:
    """Without base_url the regional aiplatform host is used."""
    session = providers.gcp("p", "europe-west4", access_token="t")
    assert session.server_url == "https://europe-west4-aiplatform.googleapis.com"


def test_gcp_refuses_other_operations_and_unversioned_models(server: Loopback) -> None:
    """Operations Vertex does not serve, and models without a version, are refused before sending."""
    session = providers.gcp("p", "r", access_token="t", base_url=server.url)
    refused = invoke(session, LIST, path={"thing_id": "x"})
    assert isinstance(refused, Err) and isinstance(refused.error, InvalidRequestError)
    assert "not served by Vertex AI" in refused.error.message
    unversioned = invoke(session, CHAT, body={**CHAT_BODY, "model": "mistral-large-latest"})
    assert isinstance(unversioned, Err) and "versioned model" in unversioned.error.message
    assert server.requests == []
