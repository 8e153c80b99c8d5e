"""Mistral models deployed on Azure AI: the same functions, with a session from `providers.azure`.

Real deployment when AZURE_ENDPOINT and AZURE_API_KEY are set (AZURE_MODEL, default "azureai", and
AZURE_API_VERSION optional); otherwise the local mock server, used as the deployment's endpoint.
"""

import contextlib
import os
import sys

from _common import failed, local_mock

from mistral_fn import Err, Ok, chat_complete, chat_stream, providers

QUESTION = [{"role": "user", "content": "Name three French painters, comma separated."}]


def main() -> int:
    endpoint, key = os.environ.get("AZURE_ENDPOINT"), os.environ.get("AZURE_API_KEY")
    with contextlib.ExitStack() as stack:
        if endpoint and key:
            print(f"[providers_azure] using the Azure AI deployment at {endpoint}", file=sys.stderr)
        else:
            mock = stack.enter_context(local_mock("providers_azure", "AZURE_ENDPOINT/AZURE_API_KEY are not set"))
            endpoint, key = mock.url + "/v1", "mock-azure-key"  # a trailing /v1, as Azure shows it, is accepted
        session = providers.azure(endpoint, api_key=key, api_version=os.environ.get("AZURE_API_VERSION"))
        model = os.environ.get("AZURE_MODEL", "azureai")

        match chat_complete(session, model=model, messages=QUESTION, max_tokens=50):
            case Ok(response):
                print("complete:", response.choices[0].message.content)
            case Err(error):
                return failed("chat_complete on Azure", error)

        match chat_stream(session, model=model, messages=QUESTION, max_tokens=50).and_then(lambda s: s.text()):
            case Ok(text):
                print("stream:", text)
            case Err(error):
                return failed("chat_stream on Azure", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
