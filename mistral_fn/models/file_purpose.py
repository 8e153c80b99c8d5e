from typing import Literal

FilePurpose = Literal["fine-tune", "batch", "ocr"]
