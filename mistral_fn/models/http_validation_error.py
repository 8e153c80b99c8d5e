import attrs

from ..types import UNSET, Model, Unset
from .validation_error import ValidationError


@attrs.define(kw_only=True, eq=False, repr=False)
class HTTPValidationError(Model):
    detail: list[ValidationError] | Unset = UNSET
