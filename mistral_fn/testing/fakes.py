"""Build valid values of the project's own models: the mock server's answers come from here."""

import datetime as dt
import itertools
import types
import uuid
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import attrs

from ..types import Discriminator, FileInput, Model, Unset

_counter = itertools.count(1)

# Values for properties whose name says what they hold; anything else gets a plain placeholder.
_NAMED_STRINGS = {
    "object": None,  # left to the Literal/enum, or "object"
    "model": "mistral-small-latest",
    "role": "assistant",
    "content": "This is a reply from the mistral_fn local mock server.",
    "text": "This is a reply from the mistral_fn local mock server.",
    "filename": "data.jsonl",
    "name": "mock",
    "description": "A resource of the mistral_fn local mock server.",
    "created_at": None,
    "status": None,
    "url": "http://127.0.0.1/mock-signed-url",
    "signed_url": "http://127.0.0.1/mock-signed-url",
}


def new_id(prefix: str = "mock") -> str:
    """A fresh id: a UUID, as the API's files and jobs have (the spec gives many ids `format: uuid`)."""
    return str(uuid.uuid4())


def now() -> int:
    return int(dt.datetime.now(dt.timezone.utc).timestamp())


def build(t: Any, name: str = "", depth: int = 0) -> Any:
    """A valid value of type `t` (a model class, a union, a Literal, a container or a primitive)."""
    if t is Any or t is object:
        return {}
    if isinstance(t, type) and issubclass(t, Model):
        return build_model(t, depth)
    origin = get_origin(t)
    if origin is Annotated:
        inner, *meta = get_args(t)
        tagged = next((m for m in meta if isinstance(m, Discriminator)), None)
        if tagged is not None:
            return build_model(next(iter(tagged.mapping.values())), depth)
        return build(inner, name, depth)
    if origin in (Union, types.UnionType):
        members = [m for m in get_args(t) if m is not Unset and m is not type(None)]
        if not members:
            return None
        preferred = next((m for m in members if get_origin(m) is Literal), None)
        return build(preferred or members[0], name, depth)
    if origin is Literal:
        return get_args(t)[0]
    if origin is list or t is list:
        args = get_args(t)
        return [build(args[0], name, depth + 1)] if args and depth < 4 else []
    if origin is dict or t is dict:
        return {}
    if t == FileInput:
        return b""
    return _primitive(t, name)


def _primitive(t: Any, name: str) -> Any:
    if t is str:
        if name in ("id", "job") or name.endswith(("_id", "_uuid")):
            return new_id()
        if name.endswith("language"):
            return "en"  # the spec holds languages to two letters
        return _NAMED_STRINGS.get(name) or name or "string"
    if t is bool:
        return False
    if t is int:
        if name in ("created", "created_at", "modified_at", "updated_at"):
            return now()
        return 0 if name.endswith("index") else 1  # counts and sizes the spec holds to at least 1
    if t is float:
        return 0.5
    if t is dt.datetime:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    if t is bytes:
        return b""
    return None


def build_model(cls: type[Model], depth: int = 0) -> Model:
    """An instance of `cls` with every required field, and the optional ones near the top.

    Optional fields are filled down to `_OPTIONAL_DEPTH` (so that an embedding's `data[0].embedding`
    is there) and left out deeper, which keeps recursive shapes small.
    """
    values: dict[str, Any] = {}
    for f in attrs.fields(cls):
        if f.name == "extra_fields":
            continue
        required = f.default is attrs.NOTHING
        if not required and (depth > _OPTIONAL_DEPTH or not _is_unset(f.default)):
            continue
        values[f.name] = build(f.type, f.name, depth + 1)
    return cls(**values)


_OPTIONAL_DEPTH = 3


def _is_unset(value: Any) -> bool:
    return isinstance(value, Unset)
