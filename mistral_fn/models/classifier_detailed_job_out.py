from typing import Annotated, Any, Literal

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .checkpoint_out import CheckpointOut
from .classifier_target_out import ClassifierTargetOut
from .classifier_training_parameters import ClassifierTrainingParameters
from .event_out import EventOut
from .fine_tuneable_model import FineTuneableModel
from .job_metadata_out import JobMetadataOut
from .wandb_integration_out import WandbIntegrationOut

ClassifierDetailedJobOutStatus = Literal[
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

ClassifierDetailedJobOutIntegrations = Annotated[
    WandbIntegrationOut | dict[str, Any], Discriminator("type", {"wandb": WandbIntegrationOut})
]


@attrs.define(kw_only=True, eq=False, repr=False)
class ClassifierDetailedJobOut(Model):
    id: str

    auto_start: bool

    model: FineTuneableModel | str

    status: ClassifierDetailedJobOutStatus | str

    created_at: int

    modified_at: int

    training_files: list[str]

    validation_files: list[str] | None | Unset = UNSET

    object: Literal["job"] = "job"

    fine_tuned_model: str | None | Unset = UNSET

    suffix: str | None | Unset = UNSET

    integrations: list[ClassifierDetailedJobOutIntegrations] | None | Unset = UNSET

    trained_tokens: int | None | Unset = UNSET

    metadata: JobMetadataOut | None | Unset = UNSET

    job_type: Literal["classifier"] = "classifier"

    hyperparameters: ClassifierTrainingParameters

    events: list[EventOut] | Unset = UNSET
    """Event items are created every time the status of a fine-tuning job changes. The timestamped list of all
    events is accessible here.
    """

    checkpoints: list[CheckpointOut] | Unset = UNSET

    classifier_targets: list[ClassifierTargetOut]
