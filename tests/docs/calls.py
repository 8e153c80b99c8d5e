"""What the operations a doc block calls return, seen at the call rather than in what the block prints.

A block runs with its own `__import__`: `from mistral_fn import chat_complete` (or `import mistral_fn`,
or `from mistral_fn.funcs.x import x`) hands it the operation wrapped so that each call's `Result` is
recorded, and a stream's `results()` records the `Err` it ends with. Nothing of mistral_fn is patched:
the block gets wrappers, every other importer the real functions.
"""

import builtins
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mistral_fn import Err, Result
from mistral_fn._runtime.streams import EventStream
from mistral_fn.funcs import OPERATIONS


@dataclass(frozen=True)
class Outcome:
    """One operation's return (or one stream's ending `Err`) as a block saw it."""

    operation: str
    error: str | None
    """The error's class name for an `Err`, None for an `Ok`."""

    def __str__(self) -> str:
        return f"{self.operation}: {'Ok' if self.error is None else f'Err({self.error})'}"


@dataclass
class Calls:
    """The outcomes of one block, in call order; `replace` swaps names a block imports (e.g. MockServer)."""

    outcomes: list[Outcome] = field(default_factory=list)
    replace: dict[str, Any] = field(default_factory=dict)

    def builtins(self) -> dict[str, Any]:
        """The `__builtins__` a block runs with: the real ones, `__import__` recording mistral_fn's operations."""
        return {**builtins.__dict__, "__import__": self._import}

    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error is not None]

    def _import(self, name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        module = builtins.__import__(name, globals, locals, fromlist, level)
        if level == 0 and name.split(".")[0] == "mistral_fn":
            return _View(module, self)
        return module

    def wrap(self, name: str, value: Any) -> Any:
        if name in self.replace:
            return self.replace[name]
        if name in OPERATIONS and callable(value):
            return self._recording(name, value)
        if hasattr(value, "__name__") and type(value).__name__ == "module" and value.__name__.startswith("mistral_fn"):
            return _View(value, self)
        return value

    def _recording(self, name: str, function: Callable[..., Result[Any, Any]]) -> Callable[..., Result[Any, Any]]:
        @functools.wraps(function)
        def recorded(*args: Any, **kwargs: Any) -> Result[Any, Any]:
            result = function(*args, **kwargs)
            self.record(name, result)
            if result.ok and isinstance(result.value, EventStream):
                _watch_stream(result.value, name, self)
            return result

        return recorded

    def record(self, name: str, result: Result[Any, Any]) -> None:
        error = type(result.error).__name__ if isinstance(result, Err) else None
        self.outcomes.append(Outcome(name, error))


class _View:
    """A mistral_fn module as a block sees it: attributes read through `Calls.wrap`."""

    def __init__(self, module: Any, calls: Calls) -> None:
        self._module = module
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        return self._calls.wrap(name, getattr(self._module, name))


def _watch_stream(stream: EventStream[Any], name: str, calls: Calls) -> None:
    """Record the `Err` a stream's `results()` ends with (collect() and text() read through it too)."""
    results = stream.results

    def recorded() -> Iterator[Result[Any, Any]]:
        for item in results():
            if isinstance(item, Err):
                calls.record(f"{name} events", item)
            yield item

    stream.results = recorded  # type: ignore[method-assign]
