import attrs

from ..types import Model
from .audio_encoding import AudioEncoding


@attrs.define(kw_only=True, eq=False, repr=False)
class AudioFormat(Model):
    _closed = True  # additionalProperties: false

    encoding: AudioEncoding | str

    sample_rate: int
