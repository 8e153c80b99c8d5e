"""The two cattrs converters: `reader` (lenient, for responses) and `writer` (strict, for requests).

Both are built on first use. Every hook is a closure made once per type by a hook factory, with
the hooks of its children resolved up front, so converting is a few dict lookups and calls per
value and nothing reflects on types per call.

Reading is lenient where docs/API.md says it must be: unknown properties land in `extra_fields`,
unknown enum values stay `str`, unknown union tags stay `dict`, and a required property the
server left out reads as `UNSET`. A value of the wrong JSON type is still an error.
Writing is strict: a required property missing, an unknown tag or a closed schema's extra key
is an error whose message names the field by its JSON path.
"""

import datetime as dt
import math
import types
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import attrs
import cattrs

from ..types import UNSET, Discriminator, FileInput, Model, Unset

Hook = Callable[[Any, Any], Any]


class ConversionError(Exception):
    """A value that does not fit its type, with the JSON path where it sits."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str | int] = []

    @property
    def where(self) -> str:
        return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in reversed(self.path))

    def __str__(self) -> str:
        return f"{self.problem} @ {self.where}"


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, Model)


def _is_union(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType)


def _is_annotated(t: Any) -> bool:
    return get_origin(t) is Annotated


# Primitive checks. JSON has no int/float distinction for floats, and bool is not a number.
def _str(v: Any, _: Any) -> str:
    if type(v) is str:
        return v
    raise ConversionError(f"expected a string, got {_kind(v)}")


def _int(v: Any, _: Any) -> int:
    if type(v) is int:
        return v
    raise ConversionError(f"expected an integer, got {_kind(v)}")


def _float(v: Any, _: Any) -> float:
    if type(v) is float or type(v) is int:
        return v
    raise ConversionError(f"expected a number, got {_kind(v)}")


def _finite_float(v: Any, _: Any) -> float:
    # For requests only: JSON has no NaN nor infinity (json.dumps would refuse them, unnamed).
    if type(v) is float and not math.isfinite(v):
        raise ConversionError(f"expected a finite number, got {v!r}")
    return _float(v, _)


def _bool(v: Any, _: Any) -> bool:
    if type(v) is bool:
        return v
    raise ConversionError(f"expected a boolean, got {_kind(v)}")


def _none(v: Any, _: Any) -> None:
    if v is None:
        return None
    raise ConversionError(f"expected null, got {_kind(v)}")


def _any(v: Any, _: Any) -> Any:
    return v


def _datetime(v: Any, _: Any) -> dt.datetime:
    if isinstance(v, dt.datetime):
        return v
    if type(v) is str:
        try:
            # Python 3.10's fromisoformat does not read a trailing "Z".
            return dt.datetime.fromisoformat(v[:-1] + "+00:00" if v.endswith("Z") else v)
        except ValueError:
            pass
    raise ConversionError(f"expected an ISO 8601 date-time, got {v!r:.40}")


def _file(v: Any, _: Any) -> Any:
    if isinstance(v, (str, bytes)) or hasattr(v, "read") or hasattr(v, "__fspath__"):
        return v
    if isinstance(v, tuple) and len(v) in (2, 3) and isinstance(v[0], str):
        return v
    raise ConversionError(f"expected a path, bytes, a binary file or (name, content[, type]), got {_kind(v)}")


_FILE_MEMBERS = frozenset(get_args(FileInput))

_PRIMITIVES: dict[Any, Hook] = {
    str: _str,
    int: _int,
    float: _float,
    bool: _bool,
    type(None): _none,
    Any: _any,
    object: _any,
    dt.datetime: _datetime,
}


def _nested(hook: Hook, v: Any, key: str | int) -> Any:
    try:
        return hook(v, None)
    except ConversionError as e:
        e.path.append(key)
        raise


# Hook -> the exact value types it returns unchanged. A model or list reading a value of one of
# these types keeps it without calling the hook: most fields of a response are such values, and
# skipping the call is most of the per-event cost of reading a stream.
_PASSED: dict[Hook, frozenset[type]] = {
    _str: frozenset((str,)),
    _int: frozenset((int,)),
    _float: frozenset((float, int)),
    _bool: frozenset((bool,)),
    _none: frozenset((type(None),)),
}
_NOTHING_PASSED: frozenset[type] = frozenset()


class _Factories:
    """Hook factories shared by both converters; `lenient` selects reading or writing rules."""

    def __init__(self, converter: cattrs.BaseConverter, lenient: bool) -> None:
        self.converter = converter
        self.lenient = lenient

    def hook(self, t: Any) -> Hook:
        return self.converter.get_structure_hook(t)

    def literal(self, t: Any) -> Hook:
        # Compared with their types, so that True does not pass for 1 nor 1 for True.
        allowed = frozenset((type(a), a) for a in get_args(t))
        shown = ", ".join(repr(a) for a in get_args(t))

        def structure_literal(v: Any, _: Any) -> Any:
            try:
                if (type(v), v) in allowed:
                    return v
            except TypeError:  # an unhashable value is no literal
                pass
            raise ConversionError(f"expected one of {shown}, got {v!r:.60}")

        return structure_literal

    def list_(self, t: Any) -> Hook:
        (item_type,) = get_args(t) or (Any,)
        item = self.hook(item_type)
        accepted = list if self.lenient else (list, tuple)

        passed = _PASSED.get(item, _NOTHING_PASSED)

        def structure_list(v: Any, _: Any) -> list[Any]:
            if not isinstance(v, accepted):
                raise ConversionError(f"expected a list, got {_kind(v)}")
            if item is _any:
                return list(v)
            out = []
            for i, x in enumerate(v):
                if type(x) in passed:
                    out.append(x)
                    continue
                try:
                    out.append(item(x, None))
                except ConversionError as e:
                    e.path.append(i)
                    raise
            return out

        return structure_list

    def dict_(self, t: Any) -> Hook:
        args = get_args(t)
        value = self.hook(args[1]) if len(args) == 2 else _any

        def structure_dict(v: Any, _: Any) -> dict[str, Any]:
            if type(v) is not dict:
                raise ConversionError(f"expected an object, got {_kind(v)}")
            if value is _any:
                return v
            return {k: _nested(value, x, k) for k, x in v.items()}

        return structure_dict

    def model(self, cls: type[Model], complete: bool = False) -> Hook:
        """The hook for one model class; `complete` refuses a missing required field even when reading."""
        fields = [f for f in attrs.fields(cls) if f.name != "extra_fields"]
        field_hooks: dict[str, Hook] = {}
        for f in fields:
            if isinstance(f.type, str):
                attrs.resolve_types(cls)
                return self.model(cls, complete)
            field_hooks[f.name] = self.hook(f.type)
        readers = {name: (hook, _PASSED.get(hook, _NOTHING_PASSED)) for name, hook in field_hooks.items()}
        required = tuple(f.name for f in fields if f.default is attrs.NOTHING)
        closed = cls._closed and not self.lenient
        lenient = self.lenient and not complete
        name = cls.__name__

        def structure_model(v: Any, _: Any) -> Model:
            if type(v) is not dict:
                if isinstance(v, cls):
                    if lenient:
                        return v
                    v = _model_items(v)
                else:
                    raise ConversionError(f"expected an object ({name}), got {_kind(v)}")
            kwargs: dict[str, Any] = {}
            extra: dict[str, Any] = {}
            for key, value in v.items():
                reader = readers.get(key)
                if reader is None:
                    if closed:
                        raise ConversionError(f"unknown property {key!r} for {name}")
                    extra[key] = value
                elif type(value) in reader[1]:
                    kwargs[key] = value
                elif value is not UNSET:
                    try:
                        kwargs[key] = reader[0](value, None)
                    except ConversionError as e:
                        e.path.append(key)
                        raise
            for key in required:
                if key not in kwargs:
                    if not lenient:
                        raise ConversionError(f"missing required property {key!r} of {name}")
                    kwargs[key] = UNSET
            return cls(**kwargs, extra_fields=extra)

        return structure_model

    def union(self, t: Any) -> Hook:
        discriminator: Discriminator | None = None
        if _is_annotated(t):
            inner, *meta = get_args(t)
            discriminator = next((m for m in meta if isinstance(m, Discriminator)), None)
            if discriminator is None:
                return self.hook(inner)
            t = inner
        members = [m for m in (get_args(t) if _is_union(t) else (t,)) if m is not Unset]
        if _FILE_MEMBERS <= set(members):  # `FileInput | None` is flattened by typing into one union
            return self._file_or(m for m in members if m not in _FILE_MEMBERS)
        if len(members) == 1 and discriminator is None:
            return self.hook(members[0])
        if discriminator is not None:
            return self._tagged(members, discriminator)
        return self._untagged(members)

    def _file_or(self, others: Iterable[Any]) -> Hook:
        rest = list(others)
        nullable = type(None) in rest

        def structure_file(v: Any, _: Any) -> Any:
            if v is None and nullable:
                return None
            return _file(v, None)

        return structure_file

    def _tagged(self, members: list[Any], d: Discriminator) -> Hook:
        by_tag = {tag: self.hook(cls) for tag, cls in d.mapping.items()}
        by_class = {cls: by_tag[tag] for tag, cls in d.mapping.items()}
        rest = self._untagged([m for m in members if m not in by_class and not _is_dict(m)])
        keep_unknown = self.lenient and any(_is_dict(m) for m in members)
        prop = d.property
        tags = ", ".join(repr(tag) for tag in d.mapping)

        def structure_tagged(v: Any, _: Any) -> Any:
            if type(v) is dict:
                tag = v.get(prop)
                hook = by_tag.get(tag) if type(tag) is str else None
                if hook is not None:
                    return hook(v, None)
                if keep_unknown:
                    return v
                problem = f"missing {prop!r}" if prop not in v else f"unknown {prop} {tag!r}"
                error = ConversionError(f"{problem}; expected one of {tags}")
                error.path.append(prop)
                raise error
            hook = by_class.get(type(v))
            if hook is not None:
                return hook(v, None)
            return rest(v, None)

        return structure_tagged

    def _untagged(self, members: list[Any]) -> Hook:
        """Try members in an order that cannot misread: by JSON type first, models in spec order."""
        by_type: dict[type, Hook] = {}
        literals: list[Hook] = []
        objects: list[Hook] = []
        object_tags: list[dict[str, Any]] = []  # per object member: its one-value Literal fields
        sequences: list[Hook] = []
        for m in members:
            if m in _PRIMITIVES and m not in (Any, object):
                by_type.setdefault(m, self.hook(m))
                if m is dt.datetime:  # read from an ISO string as well
                    by_type.setdefault(str, by_type[m])
                if m is float:
                    by_type.setdefault(int, _float)
            elif m in (Any, object):
                return _any
            elif get_origin(m) is Literal:
                literals.append(self.hook(m))
            elif get_origin(m) in (list, tuple) or m is list:
                sequences.append(self.hook(m))
            else:
                objects.append(self.hook(m))
                object_tags.append(_tag_fields(m))
        models = [m for m in members if _is_model(m)]
        if self.lenient and len(models) > 1:
            # Reading leaves missing required fields UNSET, so any model would "fit": first look for
            # the member whose required fields are all there (AgentConversation | ModelConversation).
            objects = [self.model(m, complete=True) for m in models] + objects
            object_tags = [_tag_fields(m) for m in models] + object_tags
        if sequences:  # `list[A] | list[list[A]]`: try each list type in order
            by_type[list] = sequences[0] if len(sequences) == 1 else _first_fitting(sequences)
            if not self.lenient:
                by_type[tuple] = by_type[list]
        expected = " or ".join(_describe(m) for m in members)

        def structure_union(v: Any, _: Any) -> Any:
            hook = by_type.get(type(v))
            if hook is not None and not literals:
                return hook(v, None)
            for literal in literals:
                try:
                    return literal(v, None)
                except ConversionError:
                    pass
            if hook is not None:
                return hook(v, None)
            errors = []
            for candidate in objects:
                try:
                    return candidate(v, None)
                except ConversionError as e:
                    errors.append(e)
            if len(errors) == 1:
                raise errors[0]
            # The one member whose tags the value carries failed further in: its error names the field.
            if type(v) is dict:
                tagged = [e for e, tags in zip(errors, object_tags, strict=True) if _carries_tags(v, tags)]
                if len(tagged) == 1:
                    raise tagged[0]
            raise ConversionError(f"expected {expected}, got {_kind(v)}")

        if not literals:  # a literal member is tried first, so no value passes unchecked
            _PASSED[structure_union] = frozenset(t for t, h in by_type.items() if t in _PASSED.get(h, ()))
        return structure_union


def _tag_fields(t: Any) -> dict[str, Any]:
    """The fields of a model that hold a single Literal value (`type: Literal["message.input"]`)."""
    if not _is_model(t):
        return {}
    return {
        f.name: get_args(f.type)[0]
        for f in attrs.fields(t)
        if get_origin(f.type) is Literal and len(get_args(f.type)) == 1
    }


def _carries_tags(value: dict[str, Any], tags: dict[str, Any]) -> bool:
    """Whether `value` gives at least one of the tags and contradicts none."""
    given = [key for key in tags if key in value]
    return bool(given) and all(value[key] == tags[key] for key in given)


def _first_fitting(hooks: list[Hook]) -> Hook:
    def structure_first(v: Any, _: Any) -> Any:
        for hook in hooks[:-1]:
            try:
                return hook(v, None)
            except ConversionError:
                pass
        return hooks[-1](v, None)

    return structure_first


def _is_union_or_annotated(t: Any) -> bool:
    return _is_union(t) or _is_annotated(t)


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _is_list(t: Any) -> bool:
    return t is list or get_origin(t) in (list, tuple)


def _is_dict(t: Any) -> bool:
    return t is dict or get_origin(t) is dict


def _describe(t: Any) -> str:
    if t is type(None):
        return "null"
    if get_origin(t) is Literal:
        return "|".join(repr(a) for a in get_args(t))
    return getattr(t, "__name__", None) or str(t).replace("typing.", "")


def _model_items(obj: Model) -> dict[str, Any]:
    items = {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj)) if f.name != "extra_fields"}
    items.update(obj.extra_fields)
    return items


def _make_converter(lenient: bool, complete: bool = False) -> cattrs.BaseConverter:
    converter = cattrs.BaseConverter()
    f = _Factories(converter, lenient)
    register = converter.register_structure_hook_factory
    register(_is_union_or_annotated, f.union)
    register(_is_literal, f.literal)
    register(_is_list, f.list_)
    register(_is_dict, f.dict_)
    register(_is_model, (lambda cls: f.model(cls, complete=True)) if complete else f.model)
    for t, hook in _PRIMITIVES.items():
        if isinstance(t, type) and t is not object:  # object would match every class by MRO
            converter.register_structure_hook(t, hook)
    if not lenient:
        converter.register_structure_hook(float, _finite_float)
    converter.register_structure_hook_func(lambda t: t is Any or t is object, _any)
    # Runs last so it wins: an upload parameter is passed through to the multipart encoder.
    converter.register_structure_hook_func(lambda t: t == FileInput, _file)
    converter.register_unstructure_hook_factory(_is_model, lambda cls: _unstructure_model(converter, cls))
    converter.register_unstructure_hook(dt.datetime, _unstructure_datetime)
    converter.register_unstructure_hook(dict, lambda d: _unstructure_dict(converter, d))
    return converter


def _unstructure_datetime(v: dt.datetime) -> str:
    if v.tzinfo is not None:
        v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return v.isoformat() + "Z"


def _unstructure_dict(converter: cattrs.BaseConverter, d: dict[str, Any]) -> dict[str, Any]:
    unstructure = converter.unstructure
    return {k: unstructure(v) for k, v in d.items() if v is not UNSET}


def _unstructure_model(converter: cattrs.BaseConverter, cls: type[Model]) -> Callable[[Model], dict[str, Any]]:
    names = tuple(f.name for f in attrs.fields(cls) if f.name != "extra_fields")
    unstructure = converter.unstructure
    plain = (str, int, float, bool, type(None))

    def unstructure_model(obj: Model) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in names:
            value = getattr(obj, name)
            if value is UNSET:
                continue
            out[name] = value if type(value) in plain else unstructure(value)
        for key, value in obj.extra_fields.items():
            out[key] = value if type(value) in plain else unstructure(value)
        return out

    return unstructure_model


_converters: dict[tuple[bool, bool], cattrs.BaseConverter] = {}


def _get(lenient: bool, complete: bool = False) -> cattrs.BaseConverter:
    converter = _converters.get((lenient, complete))
    if converter is None:
        converter = _converters.setdefault((lenient, complete), _make_converter(lenient, complete))
    return converter


def read(data: Any, t: Any, complete: bool = False) -> Any:
    """Structure decoded JSON from a response into `t`, leniently. Raises `ConversionError`.

    `complete` (`Session(strict_responses=True)`): a required property the response lacks is an
    error naming it, instead of reading as `UNSET`; everything else stays lenient."""
    return _get(True, complete).get_structure_hook(t)(data, t)


def reader_hook(t: Any, complete: bool = False) -> Hook:
    """The lenient structure hook for `t`, for callers that convert many values of one type."""
    return _get(True, complete).get_structure_hook(t)


def check(data: Any, t: Any) -> Any:
    """Structure caller input into `t`, strictly. Raises `ConversionError`."""
    return _get(False).get_structure_hook(t)(data, t)


def to_json(value: Any) -> Any:
    """Unstructure models (and lists/dicts of them) into JSON-ready values, leaving out `UNSET`."""
    return _get(False).unstructure(value)


__all__ = ["ConversionError", "check", "read", "reader_hook", "to_json"]
