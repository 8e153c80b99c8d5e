from typing import Literal

ShareEnum = Literal["Viewer", "Editor"]
