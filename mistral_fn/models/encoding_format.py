from typing import Literal

EncodingFormat = Literal["float", "base64"]
