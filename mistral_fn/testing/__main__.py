"""`python -m mistral_fn.testing [--port N]`: serve the mock until interrupted."""

import argparse
import sys
import time

from .server import MOCK_NOTICE, MockServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mistral_fn.testing", description=f"Run the {MOCK_NOTICE}.")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    args = parser.parse_args(argv)
    with MockServer(port=args.port, host=args.host) as mock:
        print(f"{MOCK_NOTICE} listening on {mock.url}", flush=True)
        print(f"try: MISTRAL_SERVER_URL={mock.url} python examples/quickstart.py", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
