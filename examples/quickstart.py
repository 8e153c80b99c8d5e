"""A first chat completion. Real API with MISTRAL_API_KEY set; otherwise the local mock server."""

import sys

from _common import session_for_example

from mistral_fn import Err, Ok, chat_complete
from mistral_fn.errors import HTTPValidationError, MistralError


def main() -> int:
    with session_for_example("quickstart") as session:
        result = chat_complete(
            session,
            model="mistral-small-latest",
            messages=[{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}],
        )
        match result:
            case Ok(response):
                print(response.choices[0].message.content)
                return 0
            case Err(HTTPValidationError(detail=detail)):
                print(f"the API rejected the request: {detail}", file=sys.stderr)
            case Err(MistralError(status_code=status, message=message)):
                print(f"API error {status}: {message}", file=sys.stderr)
            case Err(error):
                print(f"failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
