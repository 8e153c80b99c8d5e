import attrs

from ..types import Model
from .completion_chunk import CompletionChunk


@attrs.define(kw_only=True, eq=False, repr=False)
class CompletionEvent(Model):
    data: CompletionChunk
