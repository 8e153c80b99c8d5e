"""Sessions for Mistral models deployed on Azure AI and on Google Cloud Vertex AI.

    session = providers.azure("https://NAME.REGION.models.ai.azure.com", api_key=KEY)
    session = providers.gcp(project_id="my-project", region="europe-west4", access_token=token_fn)

Both return an ordinary `Session`: every operation takes it like any other.
"""

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .session import ApiKey, ProviderRefusal, Session

if TYPE_CHECKING:
    from ._runtime.operation import Operation


class Azure:
    """Azure AI: the deployment's own `/v1/...` paths, plus `api-version` when one is given."""

    def __init__(self, api_version: str | None) -> None:
        self.api_version = api_version

    def route(self, op: "Operation", path_and_query: str, payload: Any) -> tuple[str, Any]:
        if self.api_version is not None:
            separator = "&" if "?" in path_and_query else "?"
            path_and_query += f"{separator}api-version={quote(self.api_version, safe='')}"
        return path_and_query, payload


# Vertex AI serves these two endpoints only.
_VERTEX_PATHS = ("/v1/chat/completions", "/v1/fim/completions")
_VERSIONED_MODEL = re.compile(r"^(?P<name>.+)-(?P<version>\d{4,})$")


class Vertex:
    """Vertex AI: chat and fim go to the publisher model's `:rawPredict` (or `:streamRawPredict`)."""

    def __init__(self, project_id: str, region: str) -> None:
        self.project_id = project_id
        self.region = region

    def route(self, op: "Operation", path_and_query: str, payload: Any) -> tuple[str, Any]:
        if op.path not in _VERTEX_PATHS:
            raise ProviderRefusal(f"{op.operation_id} is not served by Vertex AI: only chat and fim completions are")
        model = payload.get("model") if isinstance(payload, dict) else None
        match = _VERSIONED_MODEL.match(model or "")
        if match is None:
            raise ProviderRefusal(f"model {model!r}: on Vertex AI give a versioned model such as 'mistral-large-2407'")
        name, version = match["name"], match["version"]
        verb = "streamRawPredict" if op.events is not None else "rawPredict"
        path = (
            f"/v1/projects/{quote(self.project_id, safe='')}/locations/{quote(self.region, safe='')}"
            f"/publishers/mistralai/models/{quote(name, safe='')}@{version}:{verb}"
        )
        return path, {**payload, "model": name}


def azure(endpoint: str, api_key: ApiKey, api_version: str | None = None, **session_kwargs: Any) -> Session:
    """A Session for a Mistral model deployed on Azure AI.

    Args:
        endpoint: The deployment's base URL, `https://NAME.REGION.models.ai.azure.com`
            (a trailing `/` or `/v1` is accepted).
        api_key: The deployment's key, or a zero-argument callable returning it.
        api_version: Sent as the `api-version` query parameter when given.
        session_kwargs: Any other `Session` argument (retry_config, timeout_ms, hooks, ...).
    """
    base = endpoint.rstrip("/")
    if base.endswith("/v1"):
        base = base[: -len("/v1")]
    return Session(api_key=api_key, server_url=base, provider=Azure(api_version), **session_kwargs)


def gcp(
    project_id: str,
    region: str,
    access_token: ApiKey,
    base_url: str | None = None,
    **session_kwargs: Any,
) -> Session:
    """A Session for Mistral models on Google Cloud Vertex AI (chat and fim).

    Args:
        project_id: The Google Cloud project.
        region: The region the model is enabled in, e.g. `europe-west4`.
        access_token: An OAuth access token, or a zero-argument callable returning a fresh one
            (with google-auth, refreshed only when expired:
            `lambda: (creds.valid or creds.refresh(Request()), creds.token)[1]`).
        base_url: Overrides `https://{region}-aiplatform.googleapis.com` (for tests).
        session_kwargs: Any other `Session` argument.
    """
    host = base_url or f"https://{region}-aiplatform.googleapis.com"
    return Session(api_key=access_token, server_url=host, provider=Vertex(project_id, region), **session_kwargs)
