"""Create Fine Tuning Job: POST /v1/fine_tuning/jobs."""

import threading
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from .._runtime.invoke import Call, Operation, invoke
from ..errors import CommonError
from ..models.classifier_job_out import ClassifierJobOut
from ..models.classifier_target_in import ClassifierTargetIn
from ..models.classifier_training_parameters_in import ClassifierTrainingParametersIn
from ..models.completion_job_out import CompletionJobOut
from ..models.completion_training_parameters_in import CompletionTrainingParametersIn
from ..models.fine_tuneable_model import FineTuneableModel
from ..models.fine_tuneable_model_type import FineTuneableModelType
from ..models.job_in import JobIn, JobInIntegrations, JobInRepositories
from ..models.legacy_job_metadata_out import LegacyJobMetadataOut
from ..models.training_file import TrainingFile
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Discriminator, Unset

FineTuningJobsCreateResponse = (
    Annotated[
        CompletionJobOut | ClassifierJobOut,
        Discriminator("job_type", {"classifier": ClassifierJobOut, "completion": CompletionJobOut}),
    ]
    | LegacyJobMetadataOut
)

FineTuningJobsCreateError = CommonError

OPERATION = Operation(
    operation_id="jobs_api_routes_fine_tuning_create_fine_tuning_job",
    method="POST",
    path="/v1/fine_tuning/jobs",
    body=JobIn,
    ok={200: FineTuningJobsCreateResponse},
    params={"dry_run": bool | Unset},
    creates=True,
)
"""What `fine_tuning_jobs_create` sends and expects back."""


def fine_tuning_jobs_create(
    session: Session,
    *,
    model: FineTuneableModel | str,
    hyperparameters: CompletionTrainingParametersIn | ClassifierTrainingParametersIn | Mapping[str, Any],
    dry_run: bool | None | Unset = UNSET,
    training_files: Sequence[TrainingFile | Mapping[str, Any]] | Unset = UNSET,
    validation_files: Sequence[str] | None | Unset = UNSET,
    suffix: str | None | Unset = UNSET,
    integrations: Sequence[JobInIntegrations | Mapping[str, Any]] | None | Unset = UNSET,
    auto_start: bool | Unset = UNSET,
    invalid_sample_skip_percentage: float | Unset = UNSET,
    job_type: FineTuneableModelType | str | None | Unset = UNSET,
    repositories: Sequence[JobInRepositories | Mapping[str, Any]] | None | Unset = UNSET,
    classifier_targets: Sequence[ClassifierTargetIn | Mapping[str, Any]] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[FineTuningJobsCreateResponse, FineTuningJobsCreateError]:
    """Create Fine Tuning Job.

    Create a new fine-tuning job, it will be queued for processing.

    Args:
        dry_run: * If `true` the job is not spawned, instead the query returns a handful of useful metadata
              for the user to perform sanity checks (see `LegacyJobMetadataOut` response).
            * Otherwise, the job is started and the query returns the job ID along with some of the
              input parameters (see `JobOut` response).
        training_files: Default: [].
        validation_files: A list containing the IDs of uploaded files that contain validation data. If you provide
            these files, the data is used to generate validation metrics periodically during fine-tuning. These
            metrics can be viewed in `checkpoints` when getting the status of a running fine-tuning job. The same
            data should not be present in both train and validation files.
        suffix: A string that will be added to your fine-tuning model name. For example, a suffix of
            "my-great-model" would produce a model name like `ft:open-mistral-7b:my-great-model:xxx...`
        integrations: A list of integrations to enable for your fine-tuning job.
        auto_start: This field will be required in a future release.
        invalid_sample_skip_percentage: Default: 0.
    """
    body = {
        "model": model,
        "training_files": training_files,
        "validation_files": validation_files,
        "suffix": suffix,
        "integrations": integrations,
        "auto_start": auto_start,
        "invalid_sample_skip_percentage": invalid_sample_skip_percentage,
        "job_type": job_type,
        "hyperparameters": hyperparameters,
        "repositories": repositories,
        "classifier_targets": classifier_targets,
    }
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(session, OPERATION, query={"dry_run": dry_run}, body=body, call=call)
