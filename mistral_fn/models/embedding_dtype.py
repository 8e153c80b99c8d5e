from typing import Literal

EmbeddingDtype = Literal["float", "int8", "uint8", "binary", "ubinary"]
