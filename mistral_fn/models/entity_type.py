from typing import Literal

EntityType = Literal["User", "Workspace", "Org"]
"""The type of entity, used to share a library."""
