"""run_many against a hand-written ThreadPoolExecutor loop over requests: 2,000 embeddings calls.

    .venv/bin/python benchmarks/run_many.py            # 5 rounds each, interleaved; prints the line
    .venv/bin/python benchmarks/run_many.py --write    # and puts it into RESULTS.md ("Many calls at once")

Both clients run in this process against the mock (`python -m mistral_fn.testing`) in another one,
16 threads each. By hand = one `requests.Session` with a pool of 16 connections, the JSON body
posted, `raise_for_status()`, `response.json()`, `ThreadPoolExecutor.map` over the calls; fn =
`run_many(embeddings_create, session, calls, max_workers=16)` on a plain `Session`. Target: fn
within 10% of by hand in calls per second. Needs mistral_fn importable (run it with the venv).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CALLS = 2000
WORKERS = 16
HEADING = "## Many calls at once"


def _calls() -> list[dict[str, Any]]:
    return [{"model": "mistral-embed", "input": [f"document number {i}"]} for i in range(CALLS)]


def by_hand(url: str) -> float:
    import requests
    from requests.adapters import HTTPAdapter

    http = requests.Session()
    http.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=WORKERS))
    headers = {"Authorization": "Bearer sk-bench", "Content-Type": "application/json", "Accept": "application/json"}

    def one(body: dict[str, Any]) -> Any:
        response = http.post(f"{url}/v1/embeddings", data=json.dumps(body), headers=headers, timeout=30)
        response.raise_for_status()
        return response.json()

    calls = _calls()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(one, calls))
    elapsed = time.perf_counter() - started
    assert len(results) == CALLS and all("data" in r for r in results)
    http.close()
    return CALLS / elapsed


def with_run_many(url: str) -> float:
    from mistral_fn import Session, run_many
    from mistral_fn.funcs.embeddings_create import embeddings_create

    with Session(api_key="sk-bench", server_url=url) as session:
        calls = _calls()
        started = time.perf_counter()
        results = run_many(embeddings_create, session, calls, max_workers=WORKERS)
        elapsed = time.perf_counter() - started
    failed = [r for r in results if not r.ok]
    assert len(results) == CALLS and not failed, failed[:3]
    return CALLS / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="put the line into benchmarks/RESULTS.md")
    args = parser.parse_args()
    mock = subprocess.Popen(
        [sys.executable, "-m", "mistral_fn.testing"], stdout=subprocess.PIPE, text=True, cwd=HERE.parent
    )
    try:
        assert mock.stdout is not None
        url = mock.stdout.readline().rsplit(" ", 1)[-1].strip()
        by_hand(url)  # warm both up: imports, connections, the mock's first answers
        with_run_many(url)
        fn, hand = [], []
        load_start = os.getloadavg()[0]
        for i in range(args.rounds):
            order = (with_run_many, by_hand) if i % 2 == 0 else (by_hand, with_run_many)
            for client in order:
                (fn if client is with_run_many else hand).append(client(url))
        load_end = os.getloadavg()[0]
    finally:
        mock.terminate()
        mock.wait(10)
    f, h = statistics.median(fn), statistics.median(hand)
    line = (
        f"| run_many, {CALLS:,} embeddings calls, 16 workers, calls/s | {f:,.0f} | {h:,.0f} | {f / h:.2f} | "
        f"{'PASS' if f >= 0.9 * h else 'MISS'} (>= 0.90) |"
    )
    print(f"fn rounds: {[round(x) for x in fn]}\nby hand rounds: {[round(x) for x in hand]}")
    print(line)
    if args.write:
        _write(line, fn, hand, load_start, load_end)


def _write(line: str, fn: list[float], hand: list[float], load_start: float, load_end: float) -> None:
    section = "\n".join(
        [
            HEADING,
            "",
            "Reproduce with: `.venv/bin/python benchmarks/run_many.py --write` (see its docstring).",
            "",
            "| figure | mistral_fn | ThreadPoolExecutor + requests by hand | ratio fn/by-hand | target |",
            "|---|---:|---:|---:|---|",
            line,
            "",
            f"Medians of {len(fn)} interleaved rounds (fn {', '.join(f'{x:.0f}' for x in fn)}; by hand "
            f"{', '.join(f'{x:.0f}' for x in hand)} calls/s), both clients in one process, the mock in another; "
            f"load average (1 min) {load_start:.2f} at start, {load_end:.2f} at end; "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. The mock (a Python server checking every "
            "request against the spec) is the slower side, so both columns mostly measure it: the figure "
            "says run_many adds nothing that shows, not how fast either client can go.",
            "",
        ]
    )
    path = HERE / "RESULTS.md"
    text = path.read_text()
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text)


if __name__ == "__main__":
    main()
