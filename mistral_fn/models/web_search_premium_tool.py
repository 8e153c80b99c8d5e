from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class WebSearchPremiumTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["web_search_premium"] = "web_search_premium"
