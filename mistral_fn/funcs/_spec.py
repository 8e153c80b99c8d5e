"""Facts taken from the spec that the runtime needs: its servers and the hash it was generated from."""

SERVERS = {"eu": "https://api.mistral.ai"}
