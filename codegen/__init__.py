"""The generator of `mistral_fn/models`, `mistral_fn/funcs` and `FUNCTIONS.md` from the OpenAPI spec.

Parse (`spec`), decide (`plan`), print (`render`); `python -m codegen [--check]` runs all three.
"""
