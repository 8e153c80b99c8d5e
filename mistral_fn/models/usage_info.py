import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class UsageInfo(Model):
    _closed = True  # additionalProperties: false

    prompt_tokens: int

    completion_tokens: int

    total_tokens: int

    prompt_audio_seconds: int | None | Unset = UNSET
