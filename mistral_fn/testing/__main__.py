"""`python -m mistral_fn.testing`: serve the mock, or record a cassette of a program's calls to the real API.

python -m mistral_fn.testing --port 8080                 # the mock, scriptable over /__mock__/
python -m mistral_fn.testing --replay cassette.jsonl     # answer from a cassette
python -m mistral_fn.testing record --out cassette.jsonl -- python my_script.py
"""

import argparse
import os
import subprocess
import sys
import time

from .control import HELP
from .server import MOCK_NOTICE, MockServer

SERVE_EPILOG = f"""\
Point a client at the printed URL: Session(api_key="anything", server_url=URL), or
MISTRAL_SERVER_URL=URL for programs that read it. Any API key is accepted.

Another process scripts the running mock through its control API:

{HELP.strip()}

Examples (with curl):
  curl -X POST URL/__mock__/faults -d '{{"operation": "chat_complete", "status": 429, "retry_after": 1}}'
  curl -X POST URL/__mock__/queue -d '{{"operation": "chat_complete", "content": "Bonjour"}}'
  curl URL/__mock__/requests?operation=chat_complete
  curl -X POST URL/__mock__/reset
"""

RECORD_EPILOG = """\
Runs COMMAND with MISTRAL_SERVER_URL pointing at a local recording proxy in front of the real API
(--upstream, default https://api.mistral.ai; the program's own MISTRAL_API_KEY is passed through
to it). Every exchange is appended to --out as JSON Lines, streams event by event with their
timing; Authorization and other key-bearing headers are left out and the key is redacted wherever
else it appears. Replay it with MockServer(replay="cassette.jsonl") or --replay.
"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["record"]:
        return _record(argv[1:])
    return _serve(argv)


def _serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mistral_fn.testing",
        description=f"Run the {MOCK_NOTICE}. Subcommand: `record` (see `record --help`).",
        epilog=SERVE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--replay", metavar="CASSETTE", help="answer from this cassette instead")
    parser.add_argument(
        "--no-auto-advance", action="store_true", help="jobs move only on POST /__mock__/jobs/advance, not per GET"
    )
    args = parser.parse_args(argv)
    with MockServer(
        port=args.port, host=args.host, replay=args.replay, auto_advance_jobs=not args.no_auto_advance
    ) as mock:
        print(f"{MOCK_NOTICE} listening on {mock.url}", flush=True)
        print(f"try: MISTRAL_SERVER_URL={mock.url} python examples/quickstart.py", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


def _record(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mistral_fn.testing record",
        description="Record a cassette of COMMAND's calls to the Mistral API.",
        epilog=RECORD_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="%(prog)s --out CASSETTE [--upstream URL] -- COMMAND [ARGS...]",
    )
    parser.add_argument("--out", required=True, metavar="CASSETTE", help="the JSON Lines file to write")
    parser.add_argument("--upstream", default="https://api.mistral.ai", help="the API to record from")
    command = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    if not command:
        parser.error("give the command to run after --")
    with MockServer(upstream=args.upstream, record=args.out) as proxy:
        env = {**os.environ, "MISTRAL_SERVER_URL": proxy.url}
        code = subprocess.call(command, env=env)
        exchanges = proxy.recorder.exchanges if proxy.recorder is not None else 0
    print(f"recorded {exchanges} exchange(s) to {args.out}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
