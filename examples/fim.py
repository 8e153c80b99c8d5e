"""Fill-in-the-middle code completion (Codestral), whole and streamed. Real API with MISTRAL_API_KEY; else the mock."""

import sys

from _common import failed, session_for_example

from mistral_fn import Err, Ok, fim_complete, fim_stream

MODEL = "codestral-latest"
PROMPT = "def fibonacci(n: int) -> int:\n"
SUFFIX = "\n\nprint(fibonacci(10))\n"


def main() -> int:
    with session_for_example("fim") as session:
        match fim_complete(session, model=MODEL, prompt=PROMPT, suffix=SUFFIX, max_tokens=64, temperature=0):
            case Ok(response):
                print("complete:", response.choices[0].message.content)
            case Err(error):
                return failed("fim_complete", error)

        # A stream read to its end: .text() gives the first choice's whole content, or Err.
        match fim_stream(session, model=MODEL, prompt=PROMPT, suffix=SUFFIX, max_tokens=64).and_then(
            lambda stream: stream.text()
        ):
            case Ok(text):
                print("stream:", text)
            case Err(error):
                return failed("fim_stream", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
