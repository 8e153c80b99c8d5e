import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class TrainingFile(Model):
    file_id: str

    weight: float | Unset = UNSET
