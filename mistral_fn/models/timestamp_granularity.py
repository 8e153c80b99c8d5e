from typing import Literal

TimestampGranularity = Literal["segment", "word"]
