"""Checking the keywords a helper passes on to an operation, so that a typo is an `Err`, not a TypeError."""

import inspect
from collections.abc import Callable, Iterable
from typing import Any

from . import errors


def unknown_keywords(
    operation: Callable[..., Any], given: Iterable[str], helper: str
) -> errors.InvalidRequestError | None:
    """The error naming the keywords `operation` does not take, or None when it takes them all."""
    accepted = inspect.signature(operation).parameters
    unknown = sorted(k for k in given if k not in accepted)
    if not unknown:
        return None
    return errors.InvalidRequestError(f"{helper}: unexpected keyword(s) {unknown} (not taken by {operation.__name__})")
