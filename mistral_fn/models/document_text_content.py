import attrs

from ..types import Model


@attrs.define(kw_only=True)
class DocumentTextContent(Model):
    text: str
