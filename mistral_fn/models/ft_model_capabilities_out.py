import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class FTModelCapabilitiesOut(Model):
    completion_chat: bool | Unset = UNSET

    completion_fim: bool | Unset = UNSET

    function_calling: bool | Unset = UNSET

    fine_tuning: bool | Unset = UNSET

    classification: bool | Unset = UNSET
