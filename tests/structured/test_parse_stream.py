"""chat_parse_stream against a scripted model streaming a JSON object in small chunks."""

import json
from typing import Literal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mistral_fn import UNSET, Err, Ok, Session, chat_parse_stream
from mistral_fn._partial_json import OPEN_OBJECT, OPEN_STRING, PartialJSON
from mistral_fn.errors import (
    ConnectionError,
    InvalidRequestError,
    OutputTruncatedError,
    OutputValidationError,
)
from mistral_fn.parse_stream import partial_value
from tests.loopback import Loopback

from .scripted import stream, stream_pieces


@attrs.define
class Author:
    name: str
    born: int | None = None


@attrs.define(frozen=True)
class Book:
    title: str
    authors: list[Author]
    pages: int
    tags: tuple[str, ...] = ()


BOOK = {
    "title": "Dune",
    "authors": [{"name": "Frank Herbert", "born": 1920}, {"name": "Brian \u00e9 Herbert"}],
    "pages": 412,
    "tags": ["sf", "desert"],
}
TEXT = json.dumps(BOOK)
MESSAGES = [{"role": "user", "content": "a book"}]


def start(server: Loopback) -> "object":
    session = Session(api_key="sk-test", server_url=server.url)
    return chat_parse_stream(session, model="m", messages=MESSAGES, output=Book).unwrap()


def test_partials_grow_field_by_field_and_final_is_the_whole_value(server: Loopback) -> None:
    stream(server, stream_pieces(TEXT, 3))
    session = Session(api_key="sk-test", server_url=server.url)
    parse_stream = chat_parse_stream(session, model="m", messages=MESSAGES, output=Book).unwrap()
    with parse_stream:
        partials = list(parse_stream.partials())
        final = parse_stream.final()
    assert server.requests[0].json()["stream"] is True
    assert server.requests[0].json()["response_format"]["json_schema"]["name"] == "Book"
    assert all(isinstance(p, Book) for p in partials)
    assert len(partials) >= len(TEXT) // 3 - 2
    # The title grows one piece at a time, always a prefix of the whole, before anything else is known.
    titles = [p.title for p in partials if p.title is not UNSET]
    assert titles[0] in ("D", "Du", "Dun") and titles[-1] == "Dune"
    assert all("Dune".startswith(t) for t in titles)
    first = partials[0]
    assert first.authors is UNSET and first.pages is UNSET
    # Lists grow item by item; a number appears only once whole (never 4 or 41 on the way to 412).
    counts = [len(p.authors) for p in partials if p.authors is not UNSET]
    assert counts == sorted(counts) and counts[-1] == 2
    assert {p.pages for p in partials} <= {UNSET, 412}
    births = {p.authors[0].born for p in partials if p.authors is not UNSET and p.authors}
    assert births <= {UNSET, 1920}
    assert not any(OPEN_STRING in str(p) for p in partials)
    # A field the answer leaves out is UNSET while its object is open, its default once the object closes.
    second_authors = [p.authors[1] for p in partials if p.authors is not UNSET and len(p.authors) == 2]
    assert second_authors[0].born is UNSET and second_authors[-1].born is None
    parsed = final.unwrap()
    authors = [Author("Frank Herbert", 1920), Author("Brian é Herbert", None)]
    assert parsed.value == Book("Dune", authors, 412, ("sf", "desert"))
    assert partials[-1] == parsed.value
    assert parsed.response.choices[0].finish_reason == "stop"


def test_final_alone_reads_the_whole_stream(server: Loopback) -> None:
    stream(server, stream_pieces(TEXT, 5))
    parse_stream = start(server)
    assert parse_stream.final().unwrap().value.pages == 412  # type: ignore[attr-defined]


def test_leaving_partials_early_loses_nothing_for_final(server: Loopback) -> None:
    stream(server, stream_pieces(TEXT, 4))
    parse_stream = start(server)
    for partial in parse_stream.partials():  # type: ignore[attr-defined]
        if partial.title is not UNSET:
            break
    assert parse_stream.final().unwrap().value.title == "Dune"  # type: ignore[attr-defined]


def test_a_stream_cut_at_length_is_truncated_with_its_text(server: Loopback) -> None:
    cut = TEXT[:40]
    stream(server, stream_pieces(cut, 4), finish_reason="length")
    parse_stream = start(server)
    partials = list(parse_stream.partials())  # type: ignore[attr-defined]
    assert partials[-1].title == "Dune"
    final = parse_stream.final()  # type: ignore[attr-defined]
    assert isinstance(final, Err) and isinstance(final.error, OutputTruncatedError)
    assert final.error.partial_text == cut


def test_a_stream_that_drops_is_an_error_never_a_short_value(server: Loopback) -> None:
    stream(server, stream_pieces(TEXT[:30], 4), done=False)
    parse_stream = start(server)
    with pytest.raises(ConnectionError):
        list(parse_stream.partials())  # type: ignore[attr-defined]
    final = parse_stream.final()  # type: ignore[attr-defined]
    assert isinstance(final, Err) and isinstance(final.error, ConnectionError)


def test_a_streamed_answer_that_does_not_fit_fails_in_final(server: Loopback) -> None:
    stream(server, stream_pieces('{"title": "Dune", "authors": [], "pages": "many"}', 6))
    parse_stream = start(server)
    partials = list(parse_stream.partials())  # type: ignore[attr-defined]
    assert partials[-1].pages is UNSET  # no validation while streaming: a wrong type just stays unknown
    final = parse_stream.final()  # type: ignore[attr-defined]
    assert isinstance(final, Err) and isinstance(final.error, OutputValidationError)
    assert final.error.path == "$.pages"


def test_response_format_is_refused_before_sending(server: Loopback) -> None:
    session = Session(api_key="sk-test", server_url=server.url)
    result = chat_parse_stream(session, model="m", messages=MESSAGES, output=Book, response_format={"type": "text"})
    assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    assert server.requests == []
    assert not isinstance(result, Ok)


@pytest.mark.parametrize("size", [1, 2, 5, 13])
def test_partial_json_agrees_with_json_at_every_cut(size: int) -> None:
    document = {"a": 'x\\"y\u00e9 \U0001f600', "b": [1, -2.5e3, True, None, {"c": []}], "d": {"e": "f"}}
    for text in (json.dumps(document), json.dumps(document, ensure_ascii=False, indent=2)):
        parser = PartialJSON()
        previous: object = None
        for piece in stream_pieces(text, size):
            parser.feed(piece)
            value = parser.value()
            assert value is None or isinstance(value, dict)
            previous = value
        assert previous == document


def test_partial_json_leaves_out_what_is_not_whole() -> None:
    parser = PartialJSON()
    seen = []
    for piece in ['{"n": 1', "2", ', "s": "ab\\', "n", '", "k', '": tru', "e}"]:
        parser.feed(piece)
        seen.append(parser.value())
    is_open = {OPEN_OBJECT: 0}
    assert seen == [
        {**is_open},
        {**is_open},
        {"n": 12, "s": "ab" + OPEN_STRING, **is_open},
        {"n": 12, "s": "ab\n" + OPEN_STRING, **is_open},
        {"n": 12, "s": "ab\n", **is_open},
        {"n": 12, "s": "ab\n", **is_open},
        {"n": 12, "s": "ab\n", "k": True},
    ]


def test_partial_json_marks_every_open_object_and_no_closed_one() -> None:
    parser = PartialJSON()
    parser.feed('{"a": [{"b": 1}, {"c": {')
    assert parser.value() == {"a": [{"b": 1}, {"c": {OPEN_OBJECT: 0}, OPEN_OBJECT: 0}], OPEN_OBJECT: 0}


@attrs.define
class Node:
    label: str
    kind: Literal["leaf", "branch"]
    children: list["Node"] = attrs.field(factory=list)


def test_partial_values_of_a_recursive_class_leave_unfinished_literals_unset() -> None:
    data = {
        "label": "root",
        "kind": "branch",
        "children": [{"label": "le" + OPEN_STRING}, {"kind": "le" + OPEN_STRING}],
    }
    value = partial_value(data, Node)
    assert value.label == "root" and value.kind == "branch"
    assert value.children[0].label == "le" and value.children[0].kind is UNSET
    assert value.children[1].kind is UNSET  # "le" may become "leaf": never shown as a wrong literal
    assert partial_value({"label": 3}, Node).label is UNSET  # no validation while streaming, only "not known"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


def strip_marks(value: object) -> object:
    """The value with the open-object keys and the open-string mark taken out."""
    if isinstance(value, dict):
        return {k: strip_marks(v) for k, v in value.items() if k != OPEN_OBJECT}
    if isinstance(value, list):
        return [strip_marks(v) for v in value]
    if isinstance(value, str):
        return value.removesuffix(OPEN_STRING)
    return value


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=4), JSON_VALUES, max_size=5), st.integers(1, 9), st.booleans())
def test_partial_json_on_random_documents(document: dict[str, object], size: int, ascii_only: bool) -> None:
    """Every cut reads as an object, strings only grow, and the whole text reads as json.loads reads it."""
    text = json.dumps(document, ensure_ascii=ascii_only)
    parser = PartialJSON()
    for piece in stream_pieces(text, size):
        parser.feed(piece)
        value = parser.value()
        assert isinstance(value, dict)
        assert set(strip_marks(value)) <= set(document)  # type: ignore[arg-type]
    assert parser.value() == json.loads(text)
