"""`json_schema(cls)`: the strict JSON Schema of an attrs class, for structured outputs and tools.

    @attrs.define
    class Person:
        '''Someone named in the text.'''
        name: str
        age: int | None = attrs.field(default=None, metadata={"description": "in years"})

    json_schema(Person)  # {"type": "object", "properties": {...}, "required": ["name"], ...}

Strict form: `additionalProperties: false` on every object built from a class, nested classes
inlined, a class that contains itself (directly or not) placed once in `$defs` and referenced.
A field with a default is not in `required`: the model may leave it out and the default applies
(Mistral's strict mode constrains decoding to the schema as given; it does not demand, as
OpenAI's does, that every property be required, and its own SDK sends such schemas).
A type the schema cannot say exactly is refused with `UnsupportedTypeError` naming the field.
"""

import datetime as dt
import enum
import inspect
import types
import typing
from collections import abc
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from ._annotations import resolve_types


class UnsupportedTypeError(TypeError):
    """A type that JSON Schema cannot express exactly (Any, object, a union of classes, a callable...)."""


_PRIMITIVES: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
}


def json_schema(cls: type) -> dict[str, Any]:
    """The strict JSON Schema of the attrs class `cls`; raises `UnsupportedTypeError` naming the field."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise UnsupportedTypeError(f"{getattr(cls, '__name__', cls)!r} is not an attrs class")
    compiler = SchemaCompiler(root=cls)
    schema = compiler.object_schema(cls)
    if compiler.defs:
        schema["$defs"] = compiler.defs
    return schema


class SchemaCompiler:
    """Compiles types to schema fragments; classes that recur are kept in `defs` (`root` is `#`)."""

    def __init__(self, root: type | None = None) -> None:
        self.root = root
        self.defs: dict[str, dict[str, Any]] = {}
        self._def_names: dict[type, str] = {}
        self._stack: list[type] = []

    def object_schema(self, cls: type) -> dict[str, Any]:
        try:
            resolve_types(cls)
        except NameError as e:
            raise UnsupportedTypeError(f"{cls.__name__}: an annotation does not resolve ({e})") from e
        self._stack.append(cls)
        try:
            properties: dict[str, Any] = {}
            required: list[str] = []
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                where = f"{cls.__name__}.{field.name}"
                if field.type is None:
                    raise UnsupportedTypeError(f"{where}: the field has no annotation")
                prop = self.type_schema(field.type, where)
                description = field.metadata.get("description")
                if description:
                    prop = {**prop, "description": str(description)}
                properties[field.name] = prop
                if field.default is attrs.NOTHING:
                    required.append(field.name)
        finally:
            self._stack.pop()
        schema: dict[str, Any] = {"type": "object", "title": cls.__name__}
        doc = _own_doc(cls)
        if doc:
            schema["description"] = doc
        schema.update(properties=properties, required=required, additionalProperties=False)
        return schema

    def type_schema(self, t: Any, where: str) -> dict[str, Any]:
        if t in _PRIMITIVES:
            return dict(_PRIMITIVES[t])
        origin = get_origin(t)
        args = get_args(t)
        if origin is typing.Annotated:
            return self.type_schema(args[0], where)
        if isinstance(t, typing.NewType):  # UserId = NewType("UserId", int): the type it stands for
            return self.type_schema(t.__supertype__, where)
        if origin in (Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if len(members) == 1 and len(args) == 2:
                return {"anyOf": [self.type_schema(members[0], where), {"type": "null"}]}
            if all(m in _PRIMITIVES or get_origin(m) is Literal for m in members):
                return {"anyOf": [self.type_schema(a, where) for a in args]}
            raise UnsupportedTypeError(
                f"{where}: the union {_name(t)} has no tag to tell its members apart; use X | None, "
                "a union of plain values, or one class with a Literal field"
            )
        if origin is Literal:
            return _enum_schema(list(args), where)
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return _enum_schema([m.value for m in t], where)
        if origin in (list, abc.Sequence) or t is list:
            if not args:
                raise UnsupportedTypeError(f"{where}: a bare list says nothing of its items; write list[X]")
            return {"type": "array", "items": self.type_schema(args[0], where + "[]")}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(args[0], where + "[]")}
            if not args or args == ((),):
                raise UnsupportedTypeError(f"{where}: write tuple[X, ...] or tuple[X, Y]")
            return {
                "type": "array",
                "prefixItems": [self.type_schema(a, f"{where}[{i}]") for i, a in enumerate(args)],
                "items": False,
                "minItems": len(args),
                "maxItems": len(args),
            }
        if origin is dict:
            if not args or args[0] is not str:
                raise UnsupportedTypeError(f"{where}: only dict[str, X] fits a JSON object")
            return {"type": "object", "additionalProperties": self.type_schema(args[1], where + "[]")}
        if isinstance(t, type) and attrs.has(t):
            return self._class_ref(t)
        if t is Any or t is object:
            raise UnsupportedTypeError(f"{where}: {_name(t)} says nothing the model could be held to")
        if origin is abc.Callable or t in (abc.Callable, typing.Callable):
            raise UnsupportedTypeError(f"{where}: a callable cannot be written as JSON")
        raise UnsupportedTypeError(f"{where}: {_name(t)} has no JSON Schema here")

    def _class_ref(self, cls: type) -> dict[str, Any]:
        if cls is self.root:
            return {"$ref": "#"}
        if cls in self._def_names:
            return {"$ref": f"#/$defs/{self._def_names[cls]}"}
        if cls in self._stack:  # a cycle: the class goes to $defs once it is compiled
            self._def_names[cls] = self._def_name(cls)
            return {"$ref": f"#/$defs/{self._def_names[cls]}"}
        schema = self.object_schema(cls)
        if cls in self._def_names:  # it met itself while compiling
            self.defs[self._def_names[cls]] = schema
            return {"$ref": f"#/$defs/{self._def_names[cls]}"}
        return schema

    def _def_name(self, cls: type) -> str:
        name = cls.__name__
        taken = set(self._def_names.values())
        n = 2
        while name in taken:
            name, n = f"{cls.__name__}{n}", n + 1
        return name


def _enum_schema(values: list[Any], where: str) -> dict[str, Any]:
    kinds = set()
    for v in values:
        if isinstance(v, bool):
            kinds.add("boolean")
        elif isinstance(v, int):
            kinds.add("integer")
        elif isinstance(v, float):
            kinds.add("number")
        elif isinstance(v, str):
            kinds.add("string")
        elif v is None:
            kinds.add("null")
        else:
            raise UnsupportedTypeError(f"{where}: the value {v!r} is not a JSON scalar")
    schema: dict[str, Any] = {"enum": values}
    if len(kinds) == 1:
        schema = {"type": kinds.pop(), "enum": values}
    return schema


def _own_doc(cls: type) -> str | None:
    doc = cls.__dict__.get("__doc__")
    return inspect.cleandoc(doc) if isinstance(doc, str) and doc.strip() else None


def _name(t: Any) -> str:
    return getattr(t, "__name__", None) or repr(t).replace("typing.", "")


__all__ = ["SchemaCompiler", "UnsupportedTypeError", "json_schema"]
