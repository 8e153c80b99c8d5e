from typing import Literal

SampleType = Literal["pretrain", "instruct", "batch_request", "batch_result", "batch_error"]
