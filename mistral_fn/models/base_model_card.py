import datetime
from typing import Literal

import attrs

from ..types import UNSET, Model, Unset
from .model_capabilities import ModelCapabilities


@attrs.define(kw_only=True, eq=False, repr=False)
class BaseModelCard(Model):
    id: str

    object: str | Unset = UNSET

    created: int | Unset = UNSET

    owned_by: str | Unset = UNSET

    capabilities: ModelCapabilities

    name: str | None | Unset = UNSET

    description: str | None | Unset = UNSET

    max_context_length: int | Unset = UNSET

    aliases: list[str] | Unset = UNSET

    deprecation: datetime.datetime | None | Unset = UNSET

    deprecation_replacement_model: str | None | Unset = UNSET

    default_model_temperature: float | None | Unset = UNSET

    type: Literal["base"] = "base"
