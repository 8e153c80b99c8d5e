import attrs

from ..types import Model
from .chat_classification_request_inputs import ChatClassificationRequestInputs


@attrs.define(kw_only=True)
class ChatClassificationRequest(Model):
    _closed = True  # additionalProperties: false

    model: str

    input: ChatClassificationRequestInputs
