"""mistral_fn: the Mistral AI API as standalone functions that return `Ok` or `Err`.

    from mistral_fn import Session, Ok, Err, chat_complete

Every operation is resolved lazily (PEP 562): importing one loads that operation and the models
it uses, nothing else.
"""

from typing import TYPE_CHECKING, Any

from . import _version, funcs
from .result import Err, Ok, Result
from .session import BackoffStrategy, HookContext, Hooks, RetryConfig, Session
from .types import UNSET, Unset

__version__ = _version.VERSION

if TYPE_CHECKING:
    from ._dry_run import prepare
    from .funcs import *  # noqa: F403
    from .many import run_many
    from .pagination import paginate
    from .parse import Parsed, chat_parse
    from .parse_stream import ParseStream, chat_parse_stream
    from .ratelimit import RateLimit
    from .schema import json_schema
    from .tools import Tool, ToolRun, run_tools, tool

__all__ = [
    "UNSET",
    "paginate",
    "prepare",
    "run_many",
    "BackoffStrategy",
    "Err",
    "HookContext",
    "Hooks",
    "Ok",
    "RateLimit",
    "Result",
    "RetryConfig",
    "Session",
    "Unset",
    # Structured outputs and tools
    "ParseStream",
    "Parsed",
    "Tool",
    "ToolRun",
    "chat_parse",
    "chat_parse_stream",
    "json_schema",
    "run_tools",
    "tool",
]
# The 74 operations, public for type checkers (pyright and mypy read this form) and still loaded
# lazily: `funcs` is the index, which imports no operation.
__all__ += funcs.__all__

# Helpers kept out of the eager imports (most programs use none of them): name -> module.
_HELPERS = {
    "paginate": "pagination",
    "RateLimit": "ratelimit",
    "run_many": "many",
    # Structured outputs and tools
    "Parsed": "parse",
    "chat_parse": "parse",
    "ParseStream": "parse_stream",
    "chat_parse_stream": "parse_stream",
    "json_schema": "schema",
    "Tool": "tools",
    "ToolRun": "tools",
    "run_tools": "tools",
    "tool": "tools",
}


def __getattr__(name: str) -> Any:
    from .funcs import OPERATIONS

    if name == "prepare":  # kept out of the eager imports: most programs never dry-run
        from ._dry_run import prepare

        globals()["prepare"] = prepare
        return prepare
    if name in _HELPERS or name in OPERATIONS:
        import importlib

        module = f"{__name__}.{_HELPERS[name]}" if name in _HELPERS else f"{__name__}.funcs.{name}"
        function = getattr(importlib.import_module(module), name)
        globals()[name] = function
        return function
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    from .funcs import OPERATIONS

    return sorted([*__all__, *OPERATIONS])
