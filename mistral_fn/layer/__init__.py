"""Build an AWS Lambda layer holding mistral_fn pruned to the operations a function calls.

    python -m mistral_fn.layer build --function chat_complete --output layer.zip

`build_layer` does the same from Python. The layer's `python/` folder holds the runtime
dependencies installed for the target Python and platform, and only the modules of `mistral_fn`
that the named operations import (found statically, from the source, with `ast`).
"""

from .build import Layer, build_layer
from .operations import UnknownOperationError

__all__ = ["Layer", "UnknownOperationError", "build_layer"]
