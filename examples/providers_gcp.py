"""Mistral models on Google Cloud Vertex AI: chat and fim, with a session from `providers.gcp`.

Real Vertex AI when GCP_PROJECT_ID and GCP_REGION are set: the token is GCP_ACCESS_TOKEN (for instance
`$(gcloud auth print-access-token)`) or else comes from google-auth's default credentials, refreshed
as needed. GCP_MODEL (default "mistral-small-2503") must be a versioned model name.

Otherwise the local mock server, behind a small local stand-in for Vertex AI: the mock serves the
API's `/v1/...` paths only, so the stand-in checks the `:rawPredict` path and the body, then relays.
"""

import contextlib
import os
import sys
from collections.abc import Callable

from _common import failed, local_mock, vertex_stand_in

from mistral_fn import Err, Ok, chat_complete, chat_stream, fim_complete, models_list, providers
from mistral_fn.errors import InvalidRequestError


def google_token() -> Callable[[], str]:
    """A callable giving an access token from google-auth's default credentials, refreshed when expired."""
    import google.auth
    from google.auth.transport.requests import Request

    credentials, _ = google.auth.default(scopes=["https://www.googleapis.com/auth/cloud-platform"])

    def token() -> str:
        if not credentials.valid:
            credentials.refresh(Request())
        return credentials.token

    return token


def main() -> int:
    project, region = os.environ.get("GCP_PROJECT_ID"), os.environ.get("GCP_REGION")
    with contextlib.ExitStack() as stack:
        if project and region:
            print(f"[providers_gcp] using Vertex AI, project {project}, region {region}", file=sys.stderr)
            token: str | Callable[[], str] = os.environ.get("GCP_ACCESS_TOKEN") or google_token()
            session = providers.gcp(project_id=project, region=region, access_token=token)
        else:
            mock = stack.enter_context(local_mock("providers_gcp", "GCP_PROJECT_ID/GCP_REGION are not set"))
            stand_in = stack.enter_context(vertex_stand_in(mock.url))
            print(
                f"[providers_gcp] Vertex AI paths go to a local stand-in at {stand_in}, relaying to the mock",
                file=sys.stderr,
            )
            session = providers.gcp("mock-project", "europe-west4", access_token="mock-token", base_url=stand_in)
        model = os.environ.get("GCP_MODEL", "mistral-small-2503")  # name "mistral-small", version "2503"

        messages = [{"role": "user", "content": "Name three French painters, comma separated."}]
        match chat_complete(session, model=model, messages=messages, max_tokens=50):
            case Ok(response):
                print("chat:", response.choices[0].message.content)
            case Err(error):
                return failed("chat_complete on Vertex AI", error)

        match chat_stream(session, model=model, messages=messages, max_tokens=50).and_then(lambda s: s.text()):
            case Ok(text):
                print("stream:", text)
            case Err(error):
                return failed("chat_stream on Vertex AI", error)

        match fim_complete(session, model="codestral-2501", prompt="def add(a, b):\n", max_tokens=20):
            case Ok(response):
                print("fim:", response.choices[0].message.content)
            case Err(error):
                return failed("fim_complete on Vertex AI", error)

        # Vertex AI serves chat and fim only: anything else is refused here, and nothing is sent.
        match models_list(session):
            case Err(InvalidRequestError(message=message)):
                print("models_list refused:", message)
            case other:
                print(f"models_list: expected a refusal, got {other!r}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
