"""The version of mistral_fn, written once: pyproject.toml reads it from here, the User-Agent sends it."""

VERSION = "0.1.0"
