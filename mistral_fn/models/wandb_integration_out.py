from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class WandbIntegrationOut(Model):
    type: Literal["wandb"] = "wandb"

    project: str
    """The name of the project that the new run will be created under."""

    name: str | None | Unset = UNSET
    """A display name to set for the run. If not set, will use the job ID as the name."""

    run_name: str | None | Unset = UNSET

    url: str | None | Unset = UNSET
