"""A local mock of the Mistral API for tests and examples: `MockServer`.

Shipped in the package, never imported by the operations. Run it as a command too:

    python -m mistral_fn.testing --port 8080
"""

from .server import MOCK_NOTICE, MockRequest, MockServer

__all__ = ["MOCK_NOTICE", "MockRequest", "MockServer"]
