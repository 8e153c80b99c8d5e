"""Facts taken from the spec that the runtime needs: its servers and the hash it was generated from."""

SERVERS = {"eu": "https://api.mistral.ai"}
"""Named servers; `Session(server=...)` picks one, "eu" by default."""

SPEC_SHA256 = "37659aafcad6a8219609636db74a7481b24b6cbb0a54f6d184278b584f5269df"
"""sha256 of the OpenAPI document the generated code was made from."""
