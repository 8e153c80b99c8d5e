from typing import Any

MetadataDict = dict[str, Any]
"""Custom type for metadata with embedded validation."""
