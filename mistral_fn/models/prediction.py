from typing import Literal

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class Prediction(Model):
    """Enable users to specify an expected completion, optimizing response times by leveraging known or predictable
    content.
    """

    _closed = True  # additionalProperties: false

    type: Literal["content"] = "content"

    content: str | Unset = UNSET
