"""For serverless handlers: one time budget per call (deadline_ms, Session(time_left=...)) and dry runs.

Real API with MISTRAL_API_KEY; otherwise the local mock server (which also plays a 503 with a long
Retry-After, to show a wait the deadline cannot cover being refused).
"""

import sys
import time

from _common import failed, script_reply, session_for_example

from mistral_fn import BackoffStrategy, Err, Ok, RetryConfig, Session, chat_complete, prepare
from mistral_fn.errors import RequestTimeoutError

MESSAGES = [{"role": "user", "content": "Say hello in French."}]
# max_interval is also the longest Retry-After this policy agrees to wait: 60 s, so that here the deadline decides.
RETRIES = RetryConfig(backoff=BackoffStrategy(initial_interval=200, max_interval=60_000), retry_connection_errors=True)


class LambdaContext:
    """Stands in for AWS Lambda's context object: the invocation has `budget_ms` from now."""

    def __init__(self, budget_ms: int) -> None:
        self._end = time.monotonic() + budget_ms / 1000

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._end - time.monotonic()) * 1000))


def main() -> int:
    with session_for_example("deadlines_and_dry_run") as session:
        # One budget for the whole call: every attempt and every wait between retries included.
        result = chat_complete(
            session, model="mistral-small-latest", messages=MESSAGES, retries=RETRIES, deadline_ms=20_000
        )
        match result:
            case Ok(response):
                print(f"within 20 s, in {result.meta.attempts} attempt(s):", response.choices[0].message.content)
            case Err(error):
                return failed("chat_complete with deadline_ms", error)

        # A retry wait that the budget cannot cover is not begun: the call ends at once.
        script_reply("chat_complete", status=503, headers={"Retry-After": "30"})  # on the mock only
        started = time.monotonic()
        match chat_complete(
            session, model="mistral-small-latest", messages=MESSAGES, retries=RETRIES, deadline_ms=5_000
        ):
            case Ok(response):
                print("deadline_ms=5000: answered:", response.choices[0].message.content)
            case Err(RequestTimeoutError(message=message)):
                print(f"deadline_ms=5000: gave up after {time.monotonic() - started:.2f} s: {message}")
            case Err(error):
                return failed("chat_complete with a short deadline", error)

        # In a Lambda handler: Session(time_left=context.get_remaining_time_in_millis), minus a margin to answer.
        context = LambdaContext(budget_ms=15_000)
        handler_session = Session(
            api_key=session.resolve_api_key(),
            server_url=session.server_url,
            time_left=lambda: context.get_remaining_time_in_millis() - 500,
        )
        match chat_complete(handler_session, model="mistral-small-latest", messages=MESSAGES, retries=RETRIES):
            case Ok(response):
                print("within the invocation's time:", response.choices[0].message.content)
            case Err(error):
                return failed("chat_complete with time_left", error)

        spent = Session(api_key="unused", server_url=session.server_url, time_left=lambda: 0)
        match chat_complete(spent, model="mistral-small-latest", messages=MESSAGES):
            case Err(RequestTimeoutError(message=message)):
                print("no time left, nothing sent:", message)
            case other:
                print(f"expected a RequestTimeoutError, got {other!r}", file=sys.stderr)
                return 1

        # A dry run builds the request (hooks applied) and sends nothing.
        match prepare(chat_complete, session, model="mistral-small-latest", messages=MESSAGES, max_tokens=20):
            case Ok(request):
                print("dry run:", request.method, request.url)
                for name, value in request.headers.items():
                    print(f"  {name}: {'<hidden>' if name.lower() == 'authorization' else value}")
                print(" ", request.body.decode() if isinstance(request.body, bytes) else request.body)
            case Err(error):
                return failed("prepare(chat_complete)", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
