"""tool() and run_tools against a scripted model: tool calls, then a final answer; every error path."""

import pickle
import threading
import time
from typing import Literal

import attrs
import pytest

from mistral_fn import Err, Session, run_tools, tool
from mistral_fn.errors import InvalidRequestError, MistralError, RequestTimeoutError, ToolRoundsExceededError
from mistral_fn.schema import UnsupportedTypeError
from mistral_fn.tools import parse_docstring
from tests.loopback import Loopback

from .scripted import ask_tools, call, say, session_for


@attrs.define
class Point:
    """A place on the map."""

    lat: float
    lon: float


def weather(city: str, unit: Literal["C", "F"] = "C") -> dict[str, object]:
    """Current temperature in a city.

    Args:
        city (str): the city's name,
            in English.
        unit: the unit of the answer.

    Returns:
        the temperature and its unit.
    """
    if city == "Atlantis":
        raise LookupError("no such city")
    return {"city": city, "temperature": 21.5 if unit == "C" else 70.7, "unit": unit}


def distance(a: Point, b: Point) -> float:
    """Distance between two points, in degrees.

    Parameters
    ----------
    a : Point
        Where to start.
    b : Point
        Where to arrive.
    """
    return round(((a.lat - b.lat) ** 2 + (a.lon - b.lon) ** 2) ** 0.5, 3)


MESSAGES = [{"role": "user", "content": "What's the weather in Paris?"}]


def test_tool_describes_a_function_from_its_signature_and_google_docstring() -> None:
    spec = tool(weather)
    assert spec.type == "function"
    assert spec.function.name == "weather"
    assert spec.function.description == "Current temperature in a city."
    assert spec.function.parameters == {
        "type": "object",
        "properties": {
            "city": {"type": "string", "description": "the city's name, in English."},
            "unit": {"type": "string", "enum": ["C", "F"], "description": "the unit of the answer."},
        },
        "required": ["city"],
        "additionalProperties": False,
    }


def test_tool_reads_numpy_docstrings_and_attrs_parameters() -> None:
    parameters = tool(distance).function.parameters
    assert parameters["properties"]["a"]["description"] == "Where to start."
    assert parameters["properties"]["b"]["properties"]["lat"] == {"type": "number"}
    assert parameters["properties"]["b"]["additionalProperties"] is False
    assert parameters["required"] == ["a", "b"]


def test_tool_refuses_what_it_cannot_describe() -> None:
    def untyped(city, days: int) -> str:  # type: ignore[no-untyped-def]
        return ""

    def splat(*cities: str) -> str:
        return ""

    with pytest.raises(UnsupportedTypeError, match=r"untyped\(city\): the parameter has no annotation"):
        tool(untyped)
    with pytest.raises(UnsupportedTypeError, match=r"splat\(cities\)"):
        tool(splat)


def test_docstring_sections_other_than_args_stay_out() -> None:
    summary, params = parse_docstring("Do it.\n\nArgs:\n    x: the x.\n\nRaises:\n    ValueError: never.\n")
    assert summary == "Do it."
    assert params == {"x": "the x."}


def test_tool_calls_then_a_final_answer(server: Loopback) -> None:
    ask_tools(server, call("weather", {"city": "Paris"}, "c1"), call("weather", {"city": "Lyon", "unit": "F"}, "c2"))
    ask_tools(server, call("distance", {"a": {"lat": 0, "lon": 0}, "b": {"lat": 3, "lon": 4}}, "c3"))
    say(server, "It is 21.5 °C in Paris.")
    session = session_for(server)
    run = run_tools(session, model="m", messages=MESSAGES, tools=[weather, distance], temperature=0).unwrap()
    assert run.response is not None and run.response.choices[0].message.content == "It is 21.5 °C in Paris."
    assert [(c.name, c.result, c.error, c.round) for c in run.calls] == [
        ("weather", {"city": "Paris", "temperature": 21.5, "unit": "C"}, None, 1),
        ("weather", {"city": "Lyon", "temperature": 70.7, "unit": "F"}, None, 1),
        ("distance", 5.0, None, 2),
    ]
    assert run.calls[0].arguments == {"city": "Paris"} and run.calls[0].id == "c1"
    assert all(c.seconds >= 0 for c in run.calls)
    first = server.requests[0].json()
    assert first["temperature"] == 0
    assert [t["function"]["name"] for t in first["tools"]] == ["weather", "distance"]
    second = server.requests[1].json()["messages"]
    assert second[0] == MESSAGES[0]
    assert second[1]["role"] == "assistant" and [c["id"] for c in second[1]["tool_calls"]] == ["c1", "c2"]
    assert second[2] == {
        "role": "tool",
        "name": "weather",
        "tool_call_id": "c1",
        "content": '{"city": "Paris", "temperature": 21.5, "unit": "C"}',
    }
    assert second[3]["tool_call_id"] == "c2"
    third = server.requests[2].json()["messages"]
    assert third[-1] == {"role": "tool", "name": "distance", "tool_call_id": "c3", "content": "5.0"}
    assert run.messages[: len(third)] == third
    assert run.messages[-1]["content"] == "It is 21.5 °C in Paris."


def test_errors_go_back_to_the_model_as_the_result_and_are_recorded(server: Loopback) -> None:
    ask_tools(
        server,
        call("weather", {"city": "Atlantis"}, "raises"),
        call("weather", {"city": 7}, "wrong-type"),
        call("weather", {"town": "Paris"}, "unknown-arg"),
        call("teleport", {"to": "Mars"}, "invented"),
        call("weather", '{"city": "Par', "not-json"),
    )
    say(server, "Sorry.")
    run = run_tools(session_for(server), model="m", messages=MESSAGES, tools=[weather]).unwrap()
    assert [c.result for c in run.calls] == [None] * 5
    assert all(c.error is not None for c in run.calls)
    results = {m["tool_call_id"]: m["content"] for m in server.requests[1].json()["messages"] if m["role"] == "tool"}
    assert results["raises"] == "error: LookupError: no such city"
    assert "expected a string, got an integer @ $.city" in results["wrong-type"]
    assert "unknown argument(s) ['town']" in results["unknown-arg"]
    assert "there is no tool named 'teleport'" in results["invented"]
    assert "not JSON" in results["not-json"]
    assert isinstance(run.calls[0].error, LookupError)
    assert run.calls[3].name == "teleport" and run.calls[3].arguments == {"to": "Mars"}


def test_max_rounds_is_an_error_carrying_the_run_so_far(server: Loopback) -> None:
    for i in range(3):
        ask_tools(server, call("weather", {"city": "Paris"}, f"c{i}"))
    result = run_tools(session_for(server), model="m", messages=MESSAGES, tools=[weather], max_rounds=3)
    assert isinstance(result, Err) and isinstance(result.error, ToolRoundsExceededError)
    run = result.error.run
    assert len(server.requests) == 3
    assert [c.id for c in run.calls] == ["c0", "c1"]  # the last round's call was not run: nobody would read it
    assert run.messages[-1]["tool_calls"][0]["id"] == "c2"


def test_the_deadline_covers_tool_time(server: Loopback) -> None:
    # The tool alone outlasts the deadline whatever the machine's load: the budget (2 s) only has to
    # hold the first request, and the loop must then stop without asking the model again.
    started = time.monotonic()

    def slow() -> str:
        """Sleeps past the deadline."""
        time.sleep(2.1)
        return "done"

    ask_tools(server, call("slow", {}))
    ask_tools(server, call("slow", {}, "c2"))
    say(server, "never reached")
    result = run_tools(session_for(server), model="m", messages=MESSAGES, tools=[slow], deadline_ms=2000)
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert "deadline_ms=2000 ran out" in result.error.message
    assert len(server.requests) == 1
    assert time.monotonic() - started < 2.1 + 10  # stopped, not waiting on anything more (bound tolerant of load)


def test_session_time_left_covers_tool_time(server: Loopback) -> None:
    end = time.monotonic() + 2.0

    def slow() -> str:
        """Sleeps past the session's time."""
        time.sleep(2.1)
        return "done"

    ask_tools(server, call("slow", {}))
    say(server, "never reached")
    session = Session(api_key="sk-test", server_url=server.url, time_left=lambda: (end - time.monotonic()) * 1000)
    result = run_tools(session, model="m", messages=MESSAGES, tools=[slow])
    assert isinstance(result, Err) and isinstance(result.error, RequestTimeoutError)
    assert len(server.requests) == 1


def test_agents_use_agents_complete(server: Loopback) -> None:
    ask_tools(server, call("weather", {"city": "Paris"}))
    say(server, "21.5")
    run = run_tools(session_for(server), agent_id="ag-1", messages=MESSAGES, tools=[weather]).unwrap()
    assert [r.path for r in server.requests] == ["/v1/agents/completions"] * 2
    assert server.requests[0].json()["agent_id"] == "ag-1"
    assert run.calls[0].result["temperature"] == 21.5


def test_http_errors_end_the_loop_as_they_are(server: Loopback) -> None:
    server.reply(500, {"message": "boom"})
    result = run_tools(session_for(server), model="m", messages=MESSAGES, tools=[weather])
    assert isinstance(result, Err) and isinstance(result.error, MistralError) and result.error.status_code == 500


def test_bad_setup_is_refused_before_sending(server: Loopback) -> None:
    def untyped(x):  # type: ignore[no-untyped-def]
        return x

    session = session_for(server)
    for kwargs in ({"model": "m", "agent_id": "a"}, {}, {"model": "m", "tools_extra": None}):
        result = run_tools(session, messages=MESSAGES, tools=[weather], **kwargs)  # type: ignore[arg-type]
        assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    refused = run_tools(session, model="m", messages=MESSAGES, tools=[untyped])
    assert isinstance(refused, Err) and "untyped(x)" in refused.error.message  # type: ignore[union-attr]
    twice = run_tools(session, model="m", messages=MESSAGES, tools=[weather, weather])
    assert isinstance(twice, Err) and "two tools share a name" in twice.error.message  # type: ignore[union-attr]
    never = run_tools(session, model="m", messages=MESSAGES, tools=[weather], max_rounds=0)
    assert isinstance(never, Err) and "max_rounds" in never.error.message  # type: ignore[union-attr]
    assert server.requests == []


def test_rounds_exceeded_pickles_with_the_tools_errors_as_text(server: Loopback) -> None:
    class Unpicklable(Exception):
        def __init__(self) -> None:
            super().__init__("holds a lock")
            self.lock = threading.Lock()

    def locked() -> str:
        """Raises what cannot cross a process."""
        raise Unpicklable

    ask_tools(server, call("locked", {}))
    ask_tools(server, call("locked", {}, "c2"))
    result = run_tools(session_for(server), model="m", messages=MESSAGES, tools=[locked], max_rounds=2)
    error = result.error  # type: ignore[union-attr]
    assert isinstance(error, ToolRoundsExceededError)
    back = pickle.loads(pickle.dumps(error))
    assert back.message == error.message and back.run.calls[0].name == "locked"
    assert str(back.run.calls[0].error) == "holds a lock"
    assert back.run.messages == error.run.messages


def test_sphinx_fields_describe_parameters_too() -> None:
    summary, params = parse_docstring(
        "Book a table.\n\n:param int guests: how many,\n    children included.\n"
        ":param when: the time.\n:returns: an id.\n"
    )
    assert summary == "Book a table."
    assert params == {"guests": "how many, children included.", "when": "the time."}
