"""`chat_parse_stream`: a typed answer that can be shown while it streams.

    match chat_parse_stream(session, model="mistral-small-latest", messages=[...], output=Book):
        case Ok(stream):
            with stream:
                for book in stream.partials():   # Book instances; UNSET where not yet known
                    render(book)
                parsed = stream.final()          # the same Result as chat_parse

A field is UNSET until its value has begun to arrive; a `str` field grows as it is written; a list
holds its items so far (the last one partial); a number, a boolean, a date or an enum appears once
it is whole; a field the answer leaves out takes its default once its object has closed. The partial
values are built without validation: `final()` validates the whole answer.
"""

import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

import attrs

from . import errors
from ._annotations import resolve_types
from ._partial_json import OPEN_OBJECT, OPEN_STRING, PartialJSON
from ._runtime import convert
from ._runtime.accumulate import CompletionAccumulator
from ._runtime.streams import EventStream
from ._structure import StructureError, structure
from .funcs.chat_stream import chat_stream
from .models.chat_completion_response import ChatCompletionResponse
from .models.completion_event import CompletionEvent
from .parse import ChatParseError, Parsed, _prepare, read_output
from .result import Err, Ok, Result
from .session import Session
from .types import UNSET

T = TypeVar("T")


class ParseStream(Generic[T]):
    """The events of a structured answer: `partials()` while it comes, `final()` once it is whole.

    A context manager that closes the connection. Iterating `partials()` raises the stream's error
    if the stream fails (as an `EventStream` does); `final()` never raises and gives it as `Err`.
    """

    def __init__(self, events: EventStream[CompletionEvent], output: type[T]) -> None:
        self.events = events
        self.output = output
        self._accumulator = CompletionAccumulator()
        self._json = PartialJSON()
        self._failure: Err[ChatParseError] | None = None
        self._done = False
        self._results = events.results()

    def __enter__(self) -> "ParseStream[T]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.events.close()

    def partials(self) -> Iterator[T]:
        """The value built so far, after each event that adds to the answer."""
        for piece in self._pieces():
            if isinstance(piece, Err):
                raise piece.error
            if not piece:
                continue
            self._json.feed(piece)
            try:
                data = self._json.value()
            except ValueError:  # not JSON (yet, or at all): final() says which
                continue
            if isinstance(data, dict):
                yield partial_value(data, self.output)

    def final(self) -> Result[Parsed[T], ChatParseError]:
        """Read the rest of the stream, then the answer as `chat_parse` would give it."""
        for piece in self._pieces():
            if isinstance(piece, Err):
                break
        if self._failure is not None:
            return self._failure
        whole = self._accumulator.response()
        try:
            response = convert.read(whole, ChatCompletionResponse)
        except convert.ConversionError as e:
            return Err(errors.UnexpectedClientError(f"the collected stream is not a response: {e}", cause=e))
        outcome = read_output(response, self.output)
        if isinstance(outcome, Err):
            return outcome  # type: ignore[return-value]  # Err[OutputError] is an Err of ChatParseError
        return Ok(Parsed(outcome.value, response, 1))

    def _pieces(self) -> Iterator[str | Err[ChatParseError]]:
        """The text each remaining event adds to the first choice; a failure ends it, kept for final()."""
        if self._done:
            if self._failure is not None:
                yield self._failure
            return
        # One iterator for the life of the stream: leaving partials() early must not lose events.
        for result in self._results:
            if isinstance(result, Err):
                self._failure = result
                self._done = True
                self.close()
                yield result
                return
            chunk = convert.to_json(result.value.data)
            self._accumulator.add(chunk)
            yield _first_delta_text(chunk)
        self._done = True
        self.close()


def _first_delta_text(chunk: dict[str, Any]) -> str:
    for choice in chunk.get("choices") or ():
        if choice.get("index", 0) == 0:
            content = (choice.get("delta") or {}).get("content")
            if isinstance(content, str):
                return content
            if isinstance(content, list):
                return "".join(t for c in content if isinstance(c, dict) and isinstance(t := c.get("text"), str))
    return ""


def chat_parse_stream(
    session: Session,
    *,
    model: str,
    messages: Sequence[Mapping[str, Any] | Any],
    output: type[T],
    schema_name: str | None = None,
    **chat_stream_kwargs: Any,
) -> Result[ParseStream[T], ChatParseError]:
    """Stream an answer of type `output` (an attrs class); other keywords go to `chat_stream`."""
    prepared = _prepare(output, schema_name, chat_stream_kwargs, chat_stream)
    if isinstance(prepared, Err):
        return prepared
    started = chat_stream(session, model=model, messages=messages, response_format=prepared, **chat_stream_kwargs)
    if isinstance(started, Err):
        return started
    return Ok(ParseStream(started.value, output))


# -- building partial values ------------------------------------------------------------------------
# A builder per type, made once (as the converters' hooks are): each event rebuilds the whole value,
# so the per-value path is a type check and a call, with no reflection.

_NOT_YET: Any = object()
"""What a builder returns for a value that is not whole yet; the field then reads UNSET."""

Builder = Callable[[Any], Any]
_builders: dict[Any, Builder] = {}


def partial_value(data: Any, t: Any) -> Any:
    """`data` (partial JSON) as a `t` in which what is not known yet is UNSET; no validation."""
    value = builder(t)(data)
    return UNSET if value is _NOT_YET else value


def builder(t: Any) -> Builder:
    found = _builders.get(t)
    if found is None:
        _builders[t] = _late(t)  # a recursive class finds itself while it is being built
        found = _builders[t] = _make_builder(t)
    return found


def _late(t: Any) -> Builder:
    return lambda data: _builders[t](data)


def _make_builder(t: Any) -> Builder:
    if isinstance(t, type) and attrs.has(t):
        return _class_builder(t)
    origin = get_origin(t)
    args = get_args(t)
    if t is str:
        return _str_builder
    if t in _EXACT:
        kinds = _EXACT[t]
        return lambda data: data if type(data) in kinds else _NOT_YET
    if origin in (Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        if len(members) == 1 and len(args) == 2:
            inner = builder(members[0])
            return lambda data: None if data is None else inner(data)
    if origin is list:
        item = builder(args[0])
        return lambda data: [_or_unset(item(v)) for v in data] if isinstance(data, list) else _NOT_YET
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = builder(args[0])
            return lambda data: tuple(_or_unset(item(v)) for v in data) if isinstance(data, list) else _NOT_YET
        items = [builder(a) for a in args]
        return lambda data: (
            tuple(_or_unset(b(v)) for b, v in zip(items, data, strict=False)) if isinstance(data, list) else _NOT_YET
        )
    if origin is dict and len(args) == 2:
        value = builder(args[1])
        return lambda data: (
            {k: _or_unset(value(v)) for k, v in data.items() if k != OPEN_OBJECT}
            if isinstance(data, dict)
            else _NOT_YET
        )
    return _strict_builder(t)  # enums, literals, dates, unions of plain values: only once whole


def _class_builder(cls: type) -> Builder:
    resolve_types(cls)  # json_schema(cls) succeeded before any stream started: this resolves
    fields = [(f.name, builder(f.type), _default_of(f)) for f in attrs.fields(cls)]
    new: Callable[[type], Any] = cls.__new__  # type: ignore[assignment]  # any class: its __new__ takes it
    set_field = object.__setattr__  # no __init__: validators would refuse UNSET, frozen classes refuse setattr

    def build(data: Any) -> Any:
        if not isinstance(data, dict):
            return _NOT_YET
        closed = OPEN_OBJECT not in data  # a field missing from a closed object has its default
        instance = new(cls)
        for name, build_field, default in fields:
            if name in data:
                value = build_field(data[name])
            else:
                value = default() if closed and default is not None else UNSET
            set_field(instance, name, UNSET if value is _NOT_YET else value)
        return instance

    return build


def _default_of(field: "attrs.Attribute[Any]") -> Callable[[], Any] | None:
    default: Any = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class at runtime
        if default.takes_self:
            return None  # needs the instance being built: stays UNSET until final()
        factory: Callable[[], Any] = default.factory
        return factory
    return lambda: default


def _str_builder(data: Any) -> Any:
    if type(data) is str:
        return data[:-1] if data.endswith(OPEN_STRING) else data
    return _NOT_YET


def _strict_builder(t: Any) -> Builder:
    def build(data: Any) -> Any:
        if isinstance(data, str) and data.endswith(OPEN_STRING):
            return _NOT_YET  # a date, an enum, a literal: shown only once whole
        try:
            return structure(data, t)
        except StructureError:
            return _NOT_YET

    return build


def _or_unset(value: Any) -> Any:
    return UNSET if value is _NOT_YET else value


_EXACT: dict[Any, tuple[type, ...]] = {int: (int,), float: (int, float), bool: (bool,)}


__all__ = ["ParseStream", "chat_parse_stream", "partial_value"]
