from typing import Annotated, Any, Literal

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .classifier_training_parameters import ClassifierTrainingParameters
from .fine_tuneable_model import FineTuneableModel
from .job_metadata_out import JobMetadataOut
from .wandb_integration_out import WandbIntegrationOut

ClassifierJobOutStatus = Literal[
    "QUEUED",
    "STARTED",
    "VALIDATING",
    "VALIDATED",
    "RUNNING",
    "FAILED_VALIDATION",
    "FAILED",
    "SUCCESS",
    "CANCELLED",
    "CANCELLATION_REQUESTED",
]

ClassifierJobOutIntegrations = Annotated[
    WandbIntegrationOut | dict[str, Any], Discriminator("type", {"wandb": WandbIntegrationOut})
]


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassifierJobOut(Model):
    id: str
    """The ID of the job."""

    auto_start: bool

    model: FineTuneableModel | str

    status: ClassifierJobOutStatus | str
    """The current status of the fine-tuning job."""

    created_at: int
    """The UNIX timestamp (in seconds) for when the fine-tuning job was created."""

    modified_at: int
    """The UNIX timestamp (in seconds) for when the fine-tuning job was last modified."""

    training_files: list[str]
    """A list containing the IDs of uploaded files that contain training data."""

    validation_files: list[str] | None | Unset = UNSET
    """A list containing the IDs of uploaded files that contain validation data."""

    object: Literal["job"] = "job"
    """The object type of the fine-tuning job."""

    fine_tuned_model: str | None | Unset = UNSET
    """The name of the fine-tuned model that is being created. The value will be `null` if the fine-tuning job is
    still running.
    """

    suffix: str | None | Unset = UNSET
    """Optional text/code that adds more context for the model. When given a `prompt` and a `suffix` the model will
    fill what is between them. When `suffix` is not provided, the model will simply execute completion starting
    with `prompt`.
    """

    integrations: list[ClassifierJobOutIntegrations] | None | Unset = UNSET
    """A list of integrations enabled for your fine-tuning job."""

    trained_tokens: int | None | Unset = UNSET
    """Total number of tokens trained."""

    metadata: JobMetadataOut | None | Unset = UNSET

    job_type: Literal["classifier"] = "classifier"
    """The type of job (`FT` for fine-tuning)."""

    hyperparameters: ClassifierTrainingParameters
