import attrs

from ..types import UNSET, Model, Unset
from .file_purpose import FilePurpose
from .sample_type import SampleType
from .source import Source


@attrs.define(kw_only=True, eq=False, repr=False)
class FileSchema(Model):
    id: str
    """The unique identifier of the file."""

    object: str
    """The object type, which is always "file"."""

    bytes: int | None
    """The size of the file, in bytes."""

    created_at: int
    """The UNIX timestamp (in seconds) of the event."""

    filename: str
    """The name of the uploaded file."""

    purpose: FilePurpose | str
    """The intended purpose of the uploaded file, currently supports fine-tuning (`fine-tune`), OCR (`ocr`),
    Audio/Transcription (`audio`) and batch inference (`batch`).
    """

    sample_type: SampleType | str

    num_lines: int | None | Unset = UNSET

    mimetype: str | None | Unset = UNSET

    source: Source | str

    signature: str | None | Unset = UNSET
