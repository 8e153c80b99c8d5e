import attrs

from ..types import Model


@attrs.define(kw_only=True, eq=False, repr=False)
class FileSignedURL(Model):
    url: str
