"""OCR of a PDF given by URL, as Markdown page by page. Real API with MISTRAL_API_KEY; else the local mock."""

import sys

from _common import failed, session_for_example

from mistral_fn import Err, Ok, ocr_process

DOCUMENT = {"type": "document_url", "document_url": "https://arxiv.org/pdf/2201.04234"}


def main() -> int:
    with session_for_example("ocr") as session:
        match ocr_process(session, model="mistral-ocr-latest", document=DOCUMENT, pages=[0, 1]):
            case Ok(response):
                for page in response.pages:
                    print(f"--- page {page.index}: {len(page.markdown)} characters of Markdown")
                    print(page.markdown[:300])
                print(f"{response.usage_info.pages_processed} pages processed by {response.model}")
                return 0
            case Err(error):
                return failed("ocr_process", error)


if __name__ == "__main__":
    sys.exit(main())
