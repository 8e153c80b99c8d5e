"""Agents completion: ask an agent (made here with beta_agents_create and deleted afterwards).

Uses MISTRAL_AGENT_ID when set. Real API with MISTRAL_API_KEY; otherwise the local mock server.
"""

import os
import sys

from _common import failed, session_for_example

from mistral_fn import Err, Ok, Session, agents_complete, agents_stream, beta_agents_create, beta_agents_delete

QUESTION = [{"role": "user", "content": "Who painted the Mona Lisa? One sentence."}]


def ask(session: Session, agent_id: str) -> int:
    match agents_complete(session, agent_id=agent_id, messages=QUESTION):
        case Ok(response):
            print("complete:", response.choices[0].message.content)
        case Err(error):
            return failed("agents_complete", error)
    match agents_stream(session, agent_id=agent_id, messages=QUESTION):
        case Ok(stream):
            match stream.collect():  # the whole ChatCompletionResponse, rebuilt from the events
                case Ok(response):
                    print("stream:", response.choices[0].message.content, f"({response.usage.total_tokens} tokens)")
                case Err(error):
                    return failed("agents_stream (reading)", error)
        case Err(error):
            return failed("agents_stream", error)
    return 0


def main() -> int:
    with session_for_example("agents") as session:
        if agent_id := os.environ.get("MISTRAL_AGENT_ID"):
            return ask(session, agent_id)
        match beta_agents_create(
            session, model="mistral-small-latest", name="art-historian", instructions="You are an art historian."
        ):
            case Ok(agent):
                print("created agent", agent.id)
            case Err(error):
                return failed("beta_agents_create", error)
        try:
            return ask(session, agent.id)
        finally:
            beta_agents_delete(session, agent_id=agent.id)


if __name__ == "__main__":
    sys.exit(main())
