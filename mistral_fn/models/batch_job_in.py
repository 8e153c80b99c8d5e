import attrs

from ..types import UNSET, Model, Unset
from .api_endpoint import ApiEndpoint
from .batch_request import BatchRequest


@attrs.define(kw_only=True, eq=False, repr=False)
class BatchJobIn(Model):
    input_files: list[str] | None | Unset = UNSET
    """The list of input files to be used for batch inference, these files should be `jsonl` files, containing the
    input data corresponding to the bory request for the batch inference in a "body" field. An example of such
    file is the following: ```json {"custom_id": "0", "body": {"max_tokens": 100, "messages": [{"role": "user",
    "content": "What is the best French cheese?"}]}} {"custom_id": "1", "body": {"max_tokens": 100, "messages":
    [{"role": "user", "content": "What is the best French wine?"}]}} ```
    """

    requests: list[BatchRequest] | None | Unset = UNSET

    endpoint: ApiEndpoint | str
    """The endpoint to be used for batch inference."""

    model: str | None | Unset = UNSET
    """The model to be used for batch inference."""

    agent_id: str | None | Unset = UNSET
    """In case you want to use a specific agent from the **deprecated** agents api for batch inference, you can
    specify the agent ID here.
    """

    metadata: dict[str, str] | None | Unset = UNSET
    """The metadata of your choice to be associated with the batch inference job."""

    timeout_hours: int | Unset = UNSET
    """The timeout in hours for the batch inference job."""
