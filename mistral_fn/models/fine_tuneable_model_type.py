from typing import Literal

FineTuneableModelType = Literal["completion", "classifier"]
