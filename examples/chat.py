"""Chat: a completion, a stream, function calling and JSON output. Real API with MISTRAL_API_KEY; else the mock."""

import json
import sys

from _common import chat_reply, script_reply, session_for_example

from mistral_fn import Err, Ok, Session, chat_complete, chat_stream
from mistral_fn.errors import HTTPValidationError, MistralError

MODEL = "mistral-small-latest"


def complete(session: Session) -> bool:
    result = chat_complete(
        session,
        model=MODEL,
        messages=[
            {"role": "system", "content": "Answer in one short sentence."},
            {"role": "user", "content": "What is the capital of France?"},
        ],
        temperature=0.2,
    )
    match result:
        case Ok(response):
            print("complete:", response.choices[0].message.content)
            return True
        case Err(HTTPValidationError(detail=detail)):
            print(f"complete: the API rejected the request: {detail}", file=sys.stderr)
        case Err(MistralError(status_code=status, message=message)):
            print(f"complete: API error {status}: {message}", file=sys.stderr)
        case Err(error):
            print(f"complete: {type(error).__name__}: {error}", file=sys.stderr)
    return False


def stream(session: Session) -> bool:
    result = chat_stream(session, model=MODEL, messages=[{"role": "user", "content": "Count from 1 to 5."}])
    match result:
        case Ok(events):
            print("stream: ", end="")
            with events:
                for item in events.results():  # Ok(event)... then at most one Err: never raises
                    match item:
                        case Ok(event):
                            print(event.data.choices[0].delta.content or "", end="", flush=True)
                        case Err(error):
                            print(f"\nstream: cut off: {error}", file=sys.stderr)
                            return False
            print()
            return True
        case Err(error):
            print(f"stream: {type(error).__name__}: {error}", file=sys.stderr)
            return False


WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}


def get_weather(city: str) -> str:
    return json.dumps({"city": city, "temperature_c": 18, "sky": "clear"})


def function_calling(session: Session) -> bool:
    messages: list[object] = [{"role": "user", "content": "What is the weather in Paris?"}]
    call = {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}
    script_reply("chat_complete", chat_reply({"content": "", "tool_calls": [call]}, "tool_calls"))
    match chat_complete(session, model=MODEL, messages=messages, tools=[WEATHER_TOOL], tool_choice="any"):
        case Ok(response):
            message = response.choices[0].message
        case Err(error):
            print(f"tools: {type(error).__name__}: {error}", file=sys.stderr)
            return False
    if not message.tool_calls:
        print("tools: the model answered without calling the tool", file=sys.stderr)
        return False
    messages.append(message)  # the assistant's turn, as it came back
    for tool_call in message.tool_calls:
        arguments = tool_call.function.arguments
        arguments = json.loads(arguments) if isinstance(arguments, str) else arguments
        print(f"tools: the model calls {tool_call.function.name}({arguments})")
        content = get_weather(**arguments)
        messages.append(
            {"role": "tool", "tool_call_id": tool_call.id, "name": tool_call.function.name, "content": content}
        )
    match chat_complete(session, model=MODEL, messages=messages, tools=[WEATHER_TOOL]):
        case Ok(response):
            print("tools:", response.choices[0].message.content)
            return True
        case Err(error):
            print(f"tools: {type(error).__name__}: {error}", file=sys.stderr)
            return False


def json_output(session: Session) -> bool:
    script_reply("chat_complete", chat_reply({"content": '{"city": "Paris", "country": "France"}'}))
    result = chat_complete(
        session,
        model=MODEL,
        messages=[{"role": "user", "content": "Give the capital of France as JSON with keys city and country."}],
        response_format={"type": "json_object"},
    )
    match result:
        case Ok(response):
            try:
                answer = json.loads(response.choices[0].message.content)
            except (TypeError, ValueError):
                print(f"json: not JSON: {response.choices[0].message.content!r}", file=sys.stderr)
                return False
            print("json:", answer)
            return True
        case Err(error):
            print(f"json: {type(error).__name__}: {error}", file=sys.stderr)
            return False


def main() -> int:
    with session_for_example("chat") as session:
        results = [complete(session), stream(session), function_calling(session), json_output(session)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
