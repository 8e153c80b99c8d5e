"""The request body of `beta_libraries_documents_upload` (POST /v1/libraries/{library_id}/documents), which the spec
leaves unnamed.
"""

import attrs

from ..types import FileInput, Model


@attrs.define(kw_only=True, eq=False, repr=False)
class BetaLibrariesDocumentsUploadBody(Model):
    file: FileInput
