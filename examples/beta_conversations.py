"""Conversations (beta): start, append, stream, restart from an entry, read the history, delete.

Real API with MISTRAL_API_KEY; otherwise the local mock server.
"""

import sys

from _common import failed, session_for_example

from mistral_fn import (
    Err,
    Ok,
    beta_conversations_append,
    beta_conversations_append_stream,
    beta_conversations_delete,
    beta_conversations_get_history,
    beta_conversations_restart,
    beta_conversations_start,
)
from mistral_fn.models import MessageOutputEntry, MessageOutputEvent, ResponseDoneEvent


def reply(outputs: list[object]) -> str:
    """The text of the assistant's message entries."""
    return " ".join(str(o.content) for o in outputs if isinstance(o, MessageOutputEntry))


def main() -> int:
    with session_for_example("beta_conversations") as session:
        match beta_conversations_start(
            session,
            model="mistral-small-latest",
            instructions="Answer in one short sentence.",
            inputs="Who painted The Starry Night?",
        ):
            case Ok(started):
                conversation_id = started.conversation_id
                print(f"start ({conversation_id}):", reply(started.outputs))
            case Err(error):
                return failed("beta_conversations_start", error)
        try:
            match beta_conversations_append(session, conversation_id=conversation_id, inputs="In which year?"):
                case Ok(response):
                    print("append:", reply(response.outputs))
                case Err(error):
                    return failed("beta_conversations_append", error)

            match beta_conversations_append_stream(session, conversation_id=conversation_id, inputs="Where is it now?"):
                case Ok(stream):
                    print("stream: ", end="")
                    tokens = None
                    with stream:
                        for event in stream:  # a failure mid-stream raises here; .results() would give Err
                            match event.data:
                                case MessageOutputEvent(content=str(text)):
                                    print(text, end="", flush=True)
                                case ResponseDoneEvent(usage=usage):
                                    tokens = usage.total_tokens
                    print(f" ({tokens} tokens)")
                case Err(error):
                    return failed("beta_conversations_append_stream", error)

            # Go back to the first answer and ask something else from there: a new branch.
            first_entry = started.outputs[-1].id
            match beta_conversations_restart(
                session, conversation_id=conversation_id, from_entry_id=first_entry, inputs="And The Scream?"
            ):
                case Ok(restarted):
                    print(f"restart ({restarted.conversation_id}):", reply(restarted.outputs))
                case Err(error):
                    return failed("beta_conversations_restart", error)

            match beta_conversations_get_history(session, conversation_id=restarted.conversation_id):
                case Ok(history):
                    print("history:", [entry.type for entry in history.entries])
                case Err(error):
                    return failed("beta_conversations_get_history", error)
        finally:
            beta_conversations_delete(session, conversation_id=conversation_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
