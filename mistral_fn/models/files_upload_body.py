"""The request body of `files_upload` (POST /v1/files), which the spec leaves unnamed."""

import attrs

from ..types import UNSET, FileInput, Model, Unset
from .file_purpose import FilePurpose


@attrs.define(kw_only=True, eq=False, repr=False)
class FilesUploadBody(Model):
    purpose: FilePurpose | str | Unset = UNSET

    file: FileInput
