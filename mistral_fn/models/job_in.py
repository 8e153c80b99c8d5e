from typing import Annotated, Any

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .classifier_target_in import ClassifierTargetIn
from .classifier_training_parameters_in import ClassifierTrainingParametersIn
from .completion_training_parameters_in import CompletionTrainingParametersIn
from .fine_tuneable_model import FineTuneableModel
from .fine_tuneable_model_type import FineTuneableModelType
from .github_repository_in import GithubRepositoryIn
from .training_file import TrainingFile
from .wandb_integration import WandbIntegration

JobInIntegrations = Annotated[WandbIntegration | dict[str, Any], Discriminator("type", {"wandb": WandbIntegration})]

JobInRepositories = Annotated[
    GithubRepositoryIn | dict[str, Any], Discriminator("type", {"github": GithubRepositoryIn})
]


@attrs.define(kw_only=True, eq=False, repr=False)
class JobIn(Model):
    model: FineTuneableModel | str

    training_files: list[TrainingFile] | Unset = UNSET

    validation_files: list[str] | None | Unset = UNSET
    """A list containing the IDs of uploaded files that contain validation data. If you provide these files, the
    data is used to generate validation metrics periodically during fine-tuning. These metrics can be viewed in
    `checkpoints` when getting the status of a running fine-tuning job. The same data should not be present in
    both train and validation files.
    """

    suffix: str | None | Unset = UNSET
    """A string that will be added to your fine-tuning model name. For example, a suffix of "my-great-model" would
    produce a model name like `ft:open-mistral-7b:my-great-model:xxx...`
    """

    integrations: list[JobInIntegrations] | None | Unset = UNSET
    """A list of integrations to enable for your fine-tuning job."""

    auto_start: bool | Unset = UNSET
    """This field will be required in a future release."""

    invalid_sample_skip_percentage: float | Unset = UNSET

    job_type: FineTuneableModelType | str | None | Unset = UNSET

    hyperparameters: CompletionTrainingParametersIn | ClassifierTrainingParametersIn

    repositories: list[JobInRepositories] | None | Unset = UNSET

    classifier_targets: list[ClassifierTargetIn] | None | Unset = UNSET
