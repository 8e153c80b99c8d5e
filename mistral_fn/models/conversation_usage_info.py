import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ConversationUsageInfo(Model):
    _closed = True  # additionalProperties: false

    prompt_tokens: int | Unset = UNSET

    completion_tokens: int | Unset = UNSET

    total_tokens: int | Unset = UNSET

    connector_tokens: int | None | Unset = UNSET

    connectors: dict[str, int] | None | Unset = UNSET
