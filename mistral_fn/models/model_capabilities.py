import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class ModelCapabilities(Model):
    completion_chat: bool | Unset = UNSET

    function_calling: bool | Unset = UNSET

    completion_fim: bool | Unset = UNSET

    fine_tuning: bool | Unset = UNSET

    vision: bool | Unset = UNSET

    ocr: bool | Unset = UNSET

    classification: bool | Unset = UNSET

    moderation: bool | Unset = UNSET

    audio: bool | Unset = UNSET

    audio_transcription: bool | Unset = UNSET
