"""Partial JSON per stream event: our scanner + the stdlib parser, against jiter's partial mode (when installed).

    .venv/bin/python benchmarks/partial_json.py            # a 20 KB object streamed in 500 events

Each figure is the median CPU time (process_time: steadier than wall time on a shared machine) of
7 rounds of the whole stream, divided by the number of events. The typed row adds building the
partial `Book` instances (`parse_stream.partial_value`) on top of ours.
"""

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mistral_fn._partial_json import PartialJSON
from mistral_fn.parse_stream import partial_value

TARGET_BYTES = 20_000
EVENTS = 500
ROUNDS = 7


@attrs.define
class Chapter:
    number: int
    title: str
    summary: str
    pages: list[int]
    draft: bool


@attrs.define
class Book:
    title: str
    chapters: list[Chapter]


def document() -> str:
    chapters: list[dict[str, Any]] = []
    book = {"title": "A long book", "chapters": chapters}
    while len(json.dumps(book)) < TARGET_BYTES:
        n = len(chapters) + 1
        chapters.append(
            {
                "number": n,
                "title": f'Chapter {n}: "quoted" and \u00e9',
                "summary": "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 2,
                "pages": [n * 10 + i for i in range(5)],
                "draft": n % 2 == 0,
            }
        )
    return json.dumps(book)


def pieces(text: str) -> list[str]:
    size = -(-len(text) // EVENTS)
    return [text[i : i + size] for i in range(0, len(text), size)]


def ours(parts: list[str]) -> Any:
    parser = PartialJSON()
    value = None
    for part in parts:
        parser.feed(part)
        value = parser.value()
    return value


def ours_typed(parts: list[str]) -> Any:
    parser = PartialJSON()
    value = None
    for part in parts:
        parser.feed(part)
        value = partial_value(parser.value(), Book)
    return value


def jiter_partial(parts: list[str]) -> Any:
    import jiter

    text = b""
    value = None
    for part in parts:
        text += part.encode()
        value = jiter.from_json(text, partial_mode="trailing-strings")
    return value


def measure(fn: Any, parts: list[str]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        fn(parts)
        times.append(time.process_time() - started)
    return statistics.median(times) / len(parts) * 1e6


def main() -> None:
    text = document()
    parts = pieces(text)
    assert ours(parts) == json.loads(text)
    print(f"{len(text)} bytes in {len(parts)} events; microseconds per event (median of {ROUNDS} rounds)")
    print(f"  ours (scan + json.loads):        {measure(ours, parts):8.1f}")
    print(f"  ours + typed partial Book:       {measure(ours_typed, parts):8.1f}")
    try:
        import jiter  # noqa: F401
    except ImportError:
        print("  jiter partial mode:              (jiter not installed)")
    else:
        assert jiter_partial(parts) == json.loads(text)
        print(f"  jiter partial mode:              {measure(jiter_partial, parts):8.1f}")


if __name__ == "__main__":
    main()
