from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class GithubRepositoryIn(Model):
    type: Literal["github"] = "github"

    name: str

    owner: str

    ref: str | None | Unset = UNSET

    weight: float | Unset = UNSET

    token: str
