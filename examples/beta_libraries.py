"""Libraries (beta): create a library, upload a document, wait for it to be processed, read its text, share it.

Set MISTRAL_SHARE_WITH_ORG to an organization id to share the library on the real API (the mock needs none).
Real API with MISTRAL_API_KEY; otherwise the local mock server. The library is deleted at the end.
"""

import os
import sys
import time

from _common import failed, on_mock, session_for_example

from mistral_fn import (
    Err,
    Ok,
    Session,
    beta_libraries_accesses_list,
    beta_libraries_accesses_update_or_create,
    beta_libraries_create,
    beta_libraries_delete,
    beta_libraries_documents_status,
    beta_libraries_documents_text_content,
    beta_libraries_documents_upload,
)

NOTES = b"# Kettle K-200\n\nThe K-200 boils one litre of water in 90 seconds. Descale it every month.\n"


def wait_until_processed(session: Session, library_id: str, document_id: str, timeout_s: float = 120) -> int:
    """Poll the document's processing status until it is no longer running."""
    started = time.monotonic()
    while True:
        match beta_libraries_documents_status(session, library_id=library_id, document_id=document_id):
            case Ok(status) if status.processing_status == "Running" and time.monotonic() - started < timeout_s:
                time.sleep(2)
            case Ok(status):
                print("processing status:", status.processing_status)
                return 0
            case Err(error):
                return failed("beta_libraries_documents_status", error)


def use(session: Session, library_id: str) -> int:
    # (filename, content, content type); a path or an open binary file works as well, streamed.
    match beta_libraries_documents_upload(session, library_id=library_id, file=("kettle.md", NOTES, "text/markdown")):
        case Ok(document):
            print(f"uploaded {document.name} ({document.id})")
        case Err(error):
            return failed("beta_libraries_documents_upload", error)

    if wait_until_processed(session, library_id, document.id):
        return 1

    match beta_libraries_documents_text_content(session, library_id=library_id, document_id=document.id):
        case Ok(content):
            print("text content:", content.text)
        case Err(error):
            return failed("beta_libraries_documents_text_content", error)

    org_id = os.environ.get("MISTRAL_SHARE_WITH_ORG") or ("org-mock" if on_mock() else None)
    if org_id is None:
        print("share: skipped (set MISTRAL_SHARE_WITH_ORG to an organization id)", file=sys.stderr)
        return 0
    match beta_libraries_accesses_update_or_create(
        session, library_id=library_id, level="Viewer", share_with_uuid=org_id, share_with_type="Org"
    ):
        case Ok(share):
            print(f"shared with {share.share_with_type} {share.share_with_uuid} as {share.role}")
        case Err(error):
            return failed("beta_libraries_accesses_update_or_create", error)

    match beta_libraries_accesses_list(session, library_id=library_id):
        case Ok(accesses):
            print("accesses:", accesses.data)
        case Err(error):
            return failed("beta_libraries_accesses_list", error)
    return 0


def main() -> int:
    with session_for_example("beta_libraries") as session:
        match beta_libraries_create(session, name="Product manuals", description="Manuals of the kettles we sell"):
            case Ok(library):
                print(f"created library {library.name!r} ({library.id})")
            case Err(error):
                return failed("beta_libraries_create", error)
        try:
            return use(session, library.id)
        finally:
            beta_libraries_delete(session, library_id=library.id)


if __name__ == "__main__":
    sys.exit(main())
