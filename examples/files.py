"""Files: upload (streamed from disk), list, download, signed URL, delete. Real API or the local mock server."""

import json
import pathlib
import sys
import tempfile

from _common import failed, session_for_example

from mistral_fn import Err, Ok, files_delete, files_download, files_get_signed_url, files_list, files_upload

LINES = [
    {"custom_id": str(i), "body": {"max_tokens": 32, "messages": [{"role": "user", "content": question}]}}
    for i, question in enumerate(["What is 2 + 2?", "Name a French painter."])
]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, session_for_example("files") as session:
        path = pathlib.Path(tmp, "requests.jsonl")
        path.write_text("".join(json.dumps(line) + "\n" for line in LINES))

        # A path (str or PathLike), an open binary file, bytes or (filename, content[, content_type]).
        match files_upload(session, file=path, purpose="batch"):
            case Ok(uploaded):
                print(f"uploaded {uploaded.filename}: id {uploaded.id}, {uploaded.bytes} bytes")
            case Err(error):
                return failed("files_upload", error)
        try:
            match files_list(session, purpose="batch", page_size=10):
                case Ok(listing):
                    print("listed:", [f.filename for f in listing.data])
                case Err(error):
                    return failed("files_list", error)

            match files_download(session, file_id=uploaded.id):
                case Ok(download):
                    with download:  # the body is read as it is written to disk
                        written = download.save(pathlib.Path(tmp, "copy.jsonl"))
                    print(f"downloaded {written} bytes ({download.content_type})")
                case Err(error):
                    return failed("files_download", error)

            match files_get_signed_url(session, file_id=uploaded.id, expiry=1):
                case Ok(signed):
                    print("signed url (valid 1 hour):", signed.url)
                case Err(error):
                    return failed("files_get_signed_url", error)
        finally:
            match files_delete(session, file_id=uploaded.id):
                case Ok(deleted):
                    print("deleted:", deleted.id)
                case Err(error):
                    failed("files_delete", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
