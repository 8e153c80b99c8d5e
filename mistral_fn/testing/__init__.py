"""A local mock of the Mistral API for tests and examples: `MockServer`.

Shipped in the package, never imported by the operations. Run it as a command too:

    python -m mistral_fn.testing --port 8080

Names load on first use (PEP 562), so the pytest plugin in `pytest_plugin.py` costs nothing to
runs that do not use its fixtures.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .server import MOCK_NOTICE, MockRequest, MockServer

__all__ = ["MOCK_NOTICE", "MockRequest", "MockServer"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
