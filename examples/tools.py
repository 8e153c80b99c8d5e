"""Tool calling: typed Python functions offered to the model, and the loop that runs them. Real API or the mock.

tool(fn) describes a function from its signature and docstring; run_tools calls the model, runs the
calls it asks for (a tool that raises is told to the model, not raised here), and stops at its answer.
On the mock, the tool calls are scripted; its final answer is the mock's usual sentence.
"""

import json
import sys
from typing import Literal

import attrs
from _common import failed, script_completion, session_for_example

from mistral_fn import Err, Ok, Session, run_tools, tool
from mistral_fn.errors import ToolRoundsExceededError

MODEL = "mistral-small-latest"


@attrs.define
class Place:
    city: str
    country: str


def get_weather(place: Place, unit: Literal["C", "F"] = "C") -> dict[str, object]:
    """The current weather somewhere.

    Args:
        place: the city and its country.
        unit: degrees Celsius or Fahrenheit.
    """
    if place.city == "Atlantis":
        raise LookupError(f"no weather station in {place.city}")
    return {"city": place.city, "temperature": 18 if unit == "C" else 64, "unit": unit, "sky": "clear"}


def script_the_model() -> None:
    """On the mock (no model runs there): the calls a model would ask for; a no-op on the real API."""
    paris = {"place": {"city": "Paris", "country": "France"}}
    atlantis = {"place": {"city": "Atlantis", "country": "Ocean"}}
    script_completion("chat_complete", tool_calls=[{"name": "get_weather", "arguments": a} for a in (paris, atlantis)])


def weather(session: Session) -> bool:
    print("tool:", json.dumps(tool(get_weather).function.parameters)[:100], "...")
    script_the_model()
    messages = [{"role": "user", "content": "What is the weather in Paris, and in Atlantis?"}]
    match run_tools(session, model=MODEL, messages=messages, tools=[get_weather], max_rounds=4, deadline_ms=60_000):
        case Ok(run):
            for call in run.calls:
                outcome = f"raised {call.error!r}" if call.error is not None else f"-> {call.result}"
                print(f"call: {call.name}({call.arguments}) {outcome} in {call.seconds * 1000:.1f} ms")
            print("answer:", run.response.choices[0].message.content if run.response else None)
            return True
        case Err(ToolRoundsExceededError(message=message) as error):
            print(f"tools: {message}; {len(error.run.calls)} calls made", file=sys.stderr)
        case Err(error):
            failed("tools", error)
    return False


def main() -> int:
    with session_for_example("tools") as session:
        ok = weather(session)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
