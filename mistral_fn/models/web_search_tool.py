from typing import Literal

import attrs

from ..types import Model


@attrs.define(kw_only=True)
class WebSearchTool(Model):
    _closed = True  # additionalProperties: false

    type: Literal["web_search"] = "web_search"
