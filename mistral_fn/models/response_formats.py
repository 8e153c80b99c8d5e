from typing import Literal

ResponseFormats = Literal["text", "json_object", "json_schema"]
