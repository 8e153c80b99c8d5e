import attrs

from ..types import Model
from .chat_classification_request_inputs import ChatClassificationRequestInputs


@attrs.define(kw_only=True, eq=False, repr=False)
class ChatClassificationRequest(Model):
    _closed = True  # additionalProperties: false

    model: str

    input: ChatClassificationRequestInputs
