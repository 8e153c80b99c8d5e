from typing import Literal

Source = Literal["upload", "repository", "mistral"]
