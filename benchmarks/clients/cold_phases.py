"""Where a mistral_fn cold start goes, phase by phase, against requests by hand (evidence for RESULTS.md).

    python cold_phases.py URL [--runs 15]     # run with the fn environment's python; prints a table

Each run is a fresh interpreter that imports in dependency order and times each step (CPU time, so
a busy machine moves the figures less than wall time does); the table gives the median per phase.
"""

import argparse
import json
import statistics
import subprocess
import sys

FN = r"""
import json, sys, time
clock = time.process_time
marks = [("start", clock())]
def mark(name): marks.append((name, clock()))
import requests; mark("import requests (both clients pay it)")
import attrs; mark("import attrs")
import cattrs; mark("import cattrs (after attrs)")
import mistral_fn, mistral_fn._runtime.invoke; mark("mistral_fn runtime modules")
from mistral_fn import chat_complete; mark("chat_complete + its 31 model modules")
from mistral_fn import Session
from mistral_fn._runtime import convert
convert._get(False); convert._get(True); mark("first call: two cattrs converters")
from mistral_fn.models.chat_completion_request import ChatCompletionRequest
from mistral_fn.models.chat_completion_response import ChatCompletionResponse
convert.reader_hook(ChatCompletionResponse); convert._get(False).get_structure_hook(ChatCompletionRequest)
mark("first call: hooks for the request and response models")
session = Session(api_key="sk-bench-0123456789", server_url=sys.argv[1])
chat_complete(session, model="mistral-small-latest", messages=[{"role": "user", "content": "Who?"}]).unwrap()
mark("first call: the rest (connect, send, read, decode)")
print(json.dumps([(n, (t - marks[i][1]) * 1000) for i, (n, t) in enumerate(marks[1:])]))
"""

HAND = r"""
import json, sys, time
clock = time.process_time
t0 = clock()
import requests
t1 = clock()
r = requests.post(sys.argv[1] + "/v1/chat/completions", data=json.dumps({"model": "m", "messages": [{"role": "user",
    "content": "Who?"}]}), headers={"Authorization": "Bearer sk", "Content-Type": "application/json"}, timeout=300)
r.raise_for_status(); r.json()
t2 = clock()
print(json.dumps([("import requests (both clients pay it)", (t1 - t0) * 1000), ("by hand: the call", (t2 - t1) * 1e3)]))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    phases: dict[str, dict[str, list[float]]] = {"fn": {}, "hand": {}}
    for _ in range(args.runs):
        for column, code in (("fn", FN), ("hand", HAND)):
            out = subprocess.run([sys.executable, "-c", code, args.url], capture_output=True, text=True, check=True)
            for name, ms in json.loads(out.stdout):
                phases[column].setdefault(name, []).append(ms)
    print(f"| phase (CPU ms, median of {args.runs} fresh processes) | mistral_fn | by hand |")
    print("|---|---:|---:|")
    names = list(dict.fromkeys([*phases["fn"], *phases["hand"]]))
    totals = {"fn": 0.0, "hand": 0.0}
    for name in names:
        cells = []
        for column in ("fn", "hand"):
            values = phases[column].get(name)
            if values:
                totals[column] += statistics.median(values)
            cells.append(f"{statistics.median(values):.1f}" if values else "")
        print(f"| {name} | {cells[0]} | {cells[1]} |")
    print(f"| total of the phases | {totals['fn']:.1f} | {totals['hand']:.1f} |")


if __name__ == "__main__":
    main()
