from typing import Literal

RequestSource = Literal["api", "playground", "agent_builder_v1"]
