from typing import Annotated, Any, Literal

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .checkpoint_out import CheckpointOut
from .completion_training_parameters import CompletionTrainingParameters
from .event_out import EventOut
from .fine_tuneable_model import FineTuneableModel
from .github_repository_out import GithubRepositoryOut
from .job_metadata_out import JobMetadataOut
from .wandb_integration_out import WandbIntegrationOut

CompletionDetailedJobOutStatus = Literal[
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

CompletionDetailedJobOutIntegrations = Annotated[
    WandbIntegrationOut | dict[str, Any], Discriminator("type", {"wandb": WandbIntegrationOut})
]

CompletionDetailedJobOutRepositories = Annotated[
    GithubRepositoryOut | dict[str, Any], Discriminator("type", {"github": GithubRepositoryOut})
]


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionDetailedJobOut(Model):
    id: str

    auto_start: bool

    model: FineTuneableModel | str

    status: CompletionDetailedJobOutStatus | str

    created_at: int

    modified_at: int

    training_files: list[str]

    validation_files: list[str] | None | Unset = UNSET

    object: Literal["job"] = "job"

    fine_tuned_model: str | None | Unset = UNSET

    suffix: str | None | Unset = UNSET

    integrations: list[CompletionDetailedJobOutIntegrations] | None | Unset = UNSET

    trained_tokens: int | None | Unset = UNSET

    metadata: JobMetadataOut | None | Unset = UNSET

    job_type: Literal["completion"] = "completion"

    hyperparameters: CompletionTrainingParameters

    repositories: list[CompletionDetailedJobOutRepositories] | Unset = UNSET

    events: list[EventOut] | Unset = UNSET
    """Event items are created every time the status of a fine-tuning job changes. The timestamped list of all
    events is accessible here.
    """

    checkpoints: list[CheckpointOut] | Unset = UNSET
