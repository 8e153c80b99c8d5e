"""json_schema: the schema of an attrs class validates what cattrs unstructures, and refuses what it cannot say."""

import datetime as dt
import enum
from collections.abc import Callable
from typing import Annotated, Any, Literal, NewType

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mistral_fn import json_schema
from mistral_fn._structure import structure, unstructure
from mistral_fn.schema import UnsupportedTypeError


class Mood(enum.Enum):
    HAPPY = "happy"
    GRUMPY = "grumpy"


@attrs.define
class Address:
    """Where someone lives."""

    street: str
    city: str = attrs.field(metadata={"description": "the city, in English"})


@attrs.define
class Person:
    """Someone named in the text."""

    name: str
    age: int | None
    height: float
    alive: bool
    mood: Mood
    kind: Literal["author", "reader"]
    born: dt.date
    seen: dt.datetime
    addresses: list[Address]
    nicknames: tuple[str, ...]
    scores: dict[str, int]
    home: Address | None = None
    note: str = ""


@attrs.define
class Tree:
    label: str
    children: list["Tree"] = attrs.field(factory=list)
    best: "Branch | None" = None


@attrs.define
class Branch:
    tree: Tree
    weight: float


VALIDATOR = jsonschema.Draft202012Validator


def walk_objects(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            found.append(schema)
        for value in schema.values():
            found += walk_objects(value)
    elif isinstance(schema, list):
        for value in schema:
            found += walk_objects(value)
    return found


def test_person_schema_is_strict_with_descriptions_and_required() -> None:
    schema = json_schema(Person)
    VALIDATOR.check_schema(schema)
    assert schema["description"] == "Someone named in the text."
    assert schema["required"] == [
        "name", "age", "height", "alive", "mood", "kind", "born", "seen", "addresses", "nicknames", "scores"
    ]  # fmt: skip
    assert schema["properties"]["mood"] == {"type": "string", "enum": ["happy", "grumpy"]}
    assert schema["properties"]["seen"] == {"type": "string", "format": "date-time"}
    assert schema["properties"]["born"] == {"type": "string", "format": "date"}
    assert schema["properties"]["age"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    address = schema["properties"]["addresses"]["items"]
    assert address["properties"]["city"]["description"] == "the city, in English"
    # Every object made from a class is closed; a dict[str, X] is the one object that is open, to X only.
    for obj in walk_objects(schema):
        assert obj["additionalProperties"] is False or obj["additionalProperties"] == {"type": "integer"}
    assert "$defs" not in schema  # nothing recursive: everything inlined


def test_recursive_classes_go_through_defs() -> None:
    schema = json_schema(Tree)
    VALIDATOR.check_schema(schema)
    assert schema["properties"]["children"]["items"] == {"$ref": "#"}
    assert schema["properties"]["best"]["anyOf"][0]["properties"]["tree"] == {"$ref": "#"}
    value = Tree("a", [Tree("b")], Branch(Tree("c", best=Branch(Tree("d"), 1.0)), 2.5))
    VALIDATOR(schema).validate(unstructure(value))
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR(schema).validate({"label": "a", "children": [{"label": 3}]})


@attrs.define
class Inner:
    again: "Middle | None"


@attrs.define
class Middle:
    inner: Inner


@attrs.define
class Outer:
    first: Middle
    second: Middle


def test_a_cycle_below_the_root_is_one_def_referenced_everywhere() -> None:
    schema = json_schema(Outer)
    assert schema["properties"]["first"] == {"$ref": "#/$defs/Middle"}
    assert schema["properties"]["second"] == {"$ref": "#/$defs/Middle"}
    VALIDATOR(schema).validate(
        {"first": {"inner": {"again": {"inner": {"again": None}}}}, "second": {"inner": {"again": None}}}
    )


def people() -> st.SearchStrategy[Person]:
    text = st.text(max_size=8)
    address = st.builds(Address, street=text, city=text)
    return st.builds(
        Person,
        name=text,
        age=st.none() | st.integers(),
        height=st.floats(allow_nan=False, allow_infinity=False),
        alive=st.booleans(),
        mood=st.sampled_from(Mood),
        kind=st.sampled_from(["author", "reader"]),
        born=st.dates(),
        seen=st.datetimes(timezones=st.just(dt.timezone.utc)),
        addresses=st.lists(address, max_size=3),
        nicknames=st.lists(text, max_size=3).map(tuple),
        scores=st.dictionaries(text, st.integers(), max_size=3),
        home=st.none() | address,
        note=text,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people())
def test_every_unstructured_person_validates_and_structures_back(person: Person) -> None:
    data = unstructure(person)
    VALIDATOR(json_schema(Person), format_checker=VALIDATOR.FORMAT_CHECKER).validate(data)
    assert structure(data, Person) == person


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ({"extra": 1}, "Additional properties"),
        ({"kind": "editor"}, "is not one of"),
        ({"age": "3"}, "is not valid under any"),
        ({"mood": "sad"}, "is not one of"),
        ({"addresses": [{"street": "x"}]}, "'city' is a required property"),
    ],
)
def test_schema_rejects_what_the_converter_rejects(bad: dict[str, Any], why: str) -> None:
    good = unstructure(
        Person("n", 1, 1.5, True, Mood.HAPPY, "author", dt.date(2000, 1, 1), dt.datetime(2000, 1, 1), [], (), {})
    )
    with pytest.raises(jsonschema.ValidationError, match=why):
        VALIDATOR(json_schema(Person)).validate({**good, **bad})


@attrs.define
class WithAny:
    payload: Any


@attrs.define
class WithObject:
    payload: object


@attrs.define
class WithUnion:
    pick: Address | Person


@attrs.define
class WithCallable:
    hook: Callable[[int], int]


@attrs.define
class WithBareList:
    items: list  # type: ignore[type-arg]


@attrs.define
class WithIntKeys:
    table: dict[int, str]


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (WithAny, "WithAny.payload: Any"),
        (WithObject, "WithObject.payload: object"),
        (WithUnion, "WithUnion.pick: the union"),
        (WithCallable, "WithCallable.hook: a callable"),
        (WithBareList, "WithBareList.items: a bare list"),
        (WithIntKeys, "WithIntKeys.table: only dict"),
        (dict, "not an attrs class"),
    ],
)
def test_unexpressible_types_are_refused_naming_the_field(cls: type, message: str) -> None:
    with pytest.raises(UnsupportedTypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        json_schema(cls)


def test_union_of_plain_values_is_allowed() -> None:
    @attrs.define
    class Either:
        value: int | str

    schema = json_schema(Either)
    assert schema["properties"]["value"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}


UserId = NewType("UserId", int)


def test_annotated_and_newtype_read_as_what_they_wrap() -> None:
    @attrs.define
    class Account:
        id: UserId
        name: Annotated[str, "shown"]

    schema = json_schema(Account)
    assert schema["properties"] == {"id": {"type": "integer"}, "name": {"type": "string"}}
    assert structure({"id": 3, "name": "x"}, Account) == Account(UserId(3), "x")
