from typing import Literal

FTClassifierLossFunction = Literal["single_class", "multi_class"]
