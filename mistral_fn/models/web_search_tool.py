from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class WebSearchTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["web_search"] = "web_search"
