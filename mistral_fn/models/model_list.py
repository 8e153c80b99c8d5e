from typing import Annotated, Any

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .base_model_card import BaseModelCard
from .ft_model_card import FTModelCard

ModelListData = Annotated[
    BaseModelCard | FTModelCard | dict[str, Any],
    Discriminator("type", {"base": BaseModelCard, "fine-tuned": FTModelCard}),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class ModelList(Model):
    object: str | Unset = UNSET

    data: list[ModelListData] | Unset = UNSET
