"""`resolve_types(cls)`: an attrs class's field types with every forward reference evaluated, on 3.10 too.

`attrs.resolve_types` evaluates string annotations through `typing.get_type_hints`; before Python 3.11
that leaves a string inside a builtin generic unresolved (`list["Tree"]` keeps `"Tree"`, bpo-41370),
so a recursive class would look like it contains the string `"Tree"`. The strings left are evaluated
here the way `get_type_hints` evaluates the others: in the class's module, with the class's own name
in scope.
"""

import functools
import operator
import sys
import types
import typing
from typing import Any, Literal, get_origin

import attrs


def resolve_types(cls: type) -> None:
    """Like `attrs.resolve_types(cls)` (raises NameError for a name that is not there), but complete."""
    attrs.resolve_types(cls)
    if sys.version_info >= (3, 11):
        return
    module = sys.modules.get(cls.__module__)
    globalns = dict(vars(module)) if module else {}
    localns = {cls.__name__: cls}
    for field in attrs.fields(cls):
        resolved = _resolved(field.type, globalns, localns)
        if resolved is not field.type:
            object.__setattr__(field, "type", resolved)  # what attrs.resolve_types itself does


def _resolved(t: Any, globalns: dict[str, Any], localns: dict[str, Any]) -> Any:
    if isinstance(t, (str, typing.ForwardRef)):
        code = t if isinstance(t, str) else t.__forward_arg__
        return _resolved(eval(code, globalns, localns), globalns, localns)  # as get_type_hints does
    args = getattr(t, "__args__", None)
    if not isinstance(args, tuple) or not args or get_origin(t) is Literal:  # a Literal's strings are values
        return t
    new = tuple(_resolved(a, globalns, localns) for a in args)
    if all(a is b for a, b in zip(new, args, strict=True)):
        return t
    if isinstance(t, types.UnionType):
        return functools.reduce(operator.or_, new)
    if isinstance(t, types.GenericAlias):
        return types.GenericAlias(get_origin(t), new)
    return t.copy_with(new)  # typing's own generics: Union, Optional, Annotated, List[...]
