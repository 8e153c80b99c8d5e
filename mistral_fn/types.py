"""Small public types shared by models, operations and the runtime."""

import os
from typing import IO, Any, ClassVar, Final, Literal, TypeAlias, final

import attrs


@final
class Unset:
    """The type of `UNSET`: a keyword or field that is left out of the request."""

    _instance: ClassVar["Unset | None"] = None
    __slots__ = ()

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __copy__(self) -> "Unset":
        return self

    def __deepcopy__(self, memo: object) -> "Unset":
        return self

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Final = Unset()
"""Leave this out of the request (distinct from `None`, which is sent as JSON null)."""


_field_names: dict[type, tuple[str, ...]] = {}


def _names(cls: type) -> tuple[str, ...]:
    names = _field_names.get(cls)
    if names is None:
        names = _field_names[cls] = tuple(f.name for f in attrs.fields(cls))
    return names


# Models are declared `@attrs.define(kw_only=True, eq=False, repr=False)` and share the __eq__ and
# __repr__ below: attrs compiles every method it writes, and at ~0.2 ms a class that is a third of
# what importing an operation's models costs at a cold start.
@attrs.define(kw_only=True, eq=False, repr=False)
class Model:
    """Base of every generated model.

    `extra_fields` holds the properties a response carried that the spec does not name; they
    are kept, compared and written back, so nothing the server says is lost.
    """

    extra_fields: dict[str, Any] = attrs.field(factory=dict)

    # True where the schema says `additionalProperties: false`: writing rejects unknown keys.
    _closed: ClassVar[bool] = False

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _names(self.__class__))

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value: unhashable, as attrs makes it

    def __repr__(self) -> str:
        """The fields that are set (UNSET ones left out), then any extra fields."""
        shown = (
            f"{name}={value!r}"
            for name in _names(self.__class__)
            if (value := getattr(self, name)) is not UNSET and not (name == "extra_fields" and not value)
        )
        return f"{self.__class__.__name__}({', '.join(shown)})"


@attrs.frozen(eq=False)  # hashed by identity: it sits in Annotated, which cattrs caches on
class Discriminator:
    """Marks a union as tagged: `Annotated[A | B | dict[str, Any], Discriminator("type", {...})]`.

    A tag missing from `mapping` reads as a plain `dict`, never as an error.
    """

    property: str
    mapping: dict[str, type[Model]]


FileContent: TypeAlias = bytes | IO[bytes]
FileInput: TypeAlias = (
    str | os.PathLike[str] | bytes | IO[bytes] | tuple[str, FileContent] | tuple[str, FileContent, str]
)
"""What an upload parameter accepts: a path, bytes, a binary file object, or
`(filename, content)` / `(filename, content, content_type)`."""

__all__ = ["UNSET", "Discriminator", "FileContent", "FileInput", "Model", "Unset"]
