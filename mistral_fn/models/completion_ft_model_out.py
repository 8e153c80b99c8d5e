from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .ft_model_capabilities_out import FTModelCapabilitiesOut


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionFTModelOut(Model):
    id: str

    object: Literal["model"] = "model"

    created: int

    owned_by: str

    workspace_id: str

    root: str

    root_version: str

    archived: bool

    name: str | None | Unset = UNSET

    description: str | None | Unset = UNSET

    capabilities: FTModelCapabilitiesOut

    max_context_length: int | Unset = UNSET

    aliases: list[str] | Unset = UNSET

    job: str

    model_type: Literal["completion"] = "completion"
