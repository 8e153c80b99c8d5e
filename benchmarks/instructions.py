"""Cold start and stream per event counted in CPU instructions (valgrind), which a busy machine does not move.

    python3 benchmarks/instructions.py        # after benchmarks/run.py has made benchmarks/.envs/

Wall and CPU times move with whatever else runs here (on 2 shared cores, by 2x to 5x); the number of
instructions a client executes does not (`PYTHONHASHSEED=0` keeps dict and set orders fixed). It is
not time, since cache misses and system calls cost more than an instruction, but the ratios it gives
track the quiet-machine time ratios of RESULTS.md closely enough to compare a change before and after.

- cold start: `valgrind --tool=cachegrind` over `clients/cold_*.py` (spawn, import, one chat
  completion, exit), the `I refs` total.
- stream: the same over `clients/bench.py stream` with 1 and with 4 streams of 200 events; the
  difference divided by 600 events is what one event costs once everything is warm.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from run import CLIENTS, TITLES, Server, python_of

VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")


def instructions(column: str, *args: str) -> int:
    process = subprocess.run(
        [*VALGRIND, python_of(column), *args],
        capture_output=True,
        text=True,
        cwd=CLIENTS,
        env={**os.environ, "PYTHONPATH": str(CLIENTS), "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", process.stderr)
    if process.returncode != 0 or found is None:
        raise SystemExit(f"{column} {' '.join(args)} failed under valgrind:\n{process.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    if not Path(python_of("fn")).exists():
        raise SystemExit("run `python3 benchmarks/run.py --only imports` first: it makes benchmarks/.envs/")
    server = Server(0)
    try:
        cold = {c: instructions(c, f"cold_{c}.py", server.url) for c in ("fn", "hand", "official")}
        stream = {
            c: (
                instructions(c, "bench.py", "stream", c, server.url, "--warmup", "0", "--streams", "4")
                - instructions(c, "bench.py", "stream", c, server.url, "--warmup", "0", "--streams", "1")
            )
            / 600
            for c in ("fn", "hand")
        }
    finally:
        server.close()
    titles = " | ".join(TITLES[c] for c in ("fn", "hand", "official"))
    print(f"| figure (instructions) | {titles} | fn/by-hand | fn/official |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| cold start, millions | {cold['fn'] / 1e6:,.0f} | {cold['hand'] / 1e6:,.0f} | {cold['official'] / 1e6:,.0f}"
        f" | {cold['fn'] / cold['hand']:.2f} | {cold['fn'] / cold['official']:.3f} |"
    )
    print(
        f"| stream, thousands per event | {stream['fn'] / 1e3:,.1f} | {stream['hand'] / 1e3:,.1f} | |"
        f" {stream['fn'] / stream['hand']:.2f} | |"
    )
    print(f"\n(Python {sys.version.split()[0]}; command: python3 benchmarks/instructions.py)")


if __name__ == "__main__":
    main()
