"""Warm-call, stream and upload measurements, one column per process; prints one JSON line.

    python bench.py warm   COLUMN URL [--calls 1000] [--warmup 100]
    python bench.py stream COLUMN URL [--streams 20] [--warmup 3]
    python bench.py upload COLUMN URL --file PATH

COLUMN is fn (mistral_fn), hand (requests by hand) or official (mistralai 3.7.0). Each column
imports only its own library, so RSS figures are not polluted by the others.
"""

import argparse
import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

API_KEY = "sk-bench-0123456789"
MODEL = "mistral-small-latest"
MESSAGES = [{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}]


def _hand_headers(accept: str = "application/json") -> dict[str, str]:
    return {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json", "Accept": accept}


# -- one chat completion --------------------------------------------------------------------------
def chat_caller(column: str, url: str) -> Callable[[], Any]:
    if column == "fn":
        from mistral_fn import Session, chat_complete

        session = Session(api_key=API_KEY, server_url=url)

        def call() -> Any:
            return chat_complete(session, model=MODEL, messages=MESSAGES).unwrap().choices[0].message.content

        return call
    if column == "hand":
        import requests

        http = requests.Session()
        endpoint = url + "/v1/chat/completions"
        headers = _hand_headers()

        def call() -> Any:
            response = http.post(
                endpoint, data=json.dumps({"model": MODEL, "messages": MESSAGES}), headers=headers, timeout=300
            )
            response.raise_for_status()
            return response.json()["choices"][0]["message"]["content"]

        return call
    if column == "official":
        from mistralai.client import Mistral

        client = Mistral(api_key=API_KEY, server_url=url)

        def call() -> Any:
            return client.chat.complete(model=MODEL, messages=MESSAGES).choices[0].message.content

        return call
    raise SystemExit(f"unknown column {column}")


# -- one 200-event stream, returning the number of events ----------------------------------------
def stream_caller(column: str, url: str) -> Callable[[], int]:
    if column == "fn":
        from mistral_fn import Session, chat_stream

        session = Session(api_key=API_KEY, server_url=url)

        def run() -> int:
            n = 0
            with chat_stream(session, model=MODEL, messages=MESSAGES).unwrap() as events:
                for _ in events:
                    n += 1
            return n

        return run
    if column == "hand":
        import requests

        http = requests.Session()
        endpoint = url + "/v1/chat/completions"
        headers = _hand_headers("text/event-stream")

        def run() -> int:
            n = 0
            body = json.dumps({"model": MODEL, "messages": MESSAGES, "stream": True})
            with http.post(endpoint, data=body, headers=headers, stream=True, timeout=300) as response:
                response.raise_for_status()
                for line in response.iter_lines():
                    if not line.startswith(b"data: "):
                        continue
                    data = line[6:]
                    if data == b"[DONE]":
                        break
                    json.loads(data)
                    n += 1
            return n

        return run
    if column == "official":
        from mistralai.client import Mistral

        client = Mistral(api_key=API_KEY, server_url=url)

        def run() -> int:
            n = 0
            with client.chat.stream(model=MODEL, messages=MESSAGES) as events:
                for _ in events:
                    n += 1
            return n

        return run
    raise SystemExit(f"unknown column {column}")


# -- one upload ------------------------------------------------------------------------------------
def upload_caller(column: str, url: str) -> Callable[[str], Any]:
    if column == "fn":
        from mistral_fn import Session, files_upload

        session = Session(api_key=API_KEY, server_url=url)

        def upload(path: str) -> Any:
            return files_upload(session, file=path, purpose="fine-tune").unwrap().bytes

        return upload
    if column == "hand":
        import requests

        http = requests.Session()
        endpoint = url + "/v1/files"
        headers = {"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"}

        def upload(path: str) -> Any:
            # What a hand-written client does; requests builds the whole multipart body in memory.
            with open(path, "rb") as f:
                response = http.post(
                    endpoint,
                    files={"file": (path.rsplit("/", 1)[-1], f)},
                    data={"purpose": "fine-tune"},
                    headers=headers,
                    timeout=300,
                )
            response.raise_for_status()
            return response.json()["bytes"]

        return upload
    if column == "official":
        from mistralai.client import Mistral

        client = Mistral(api_key=API_KEY, server_url=url)

        def upload(path: str) -> Any:
            with open(path, "rb") as f:
                return client.files.upload(
                    file={"file_name": path.rsplit("/", 1)[-1], "content": f}, purpose="fine-tune"
                ).size_bytes

        return upload
    raise SystemExit(f"unknown column {column}")


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("figure", choices=["warm", "stream", "upload"])
    parser.add_argument("column", choices=["fn", "hand", "official"])
    parser.add_argument("url")
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--streams", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--file")
    parser.add_argument("--small-file")
    args = parser.parse_args()
    out: dict[str, Any] = {"figure": args.figure, "column": args.column}

    if args.figure == "warm":
        call = chat_caller(args.column, args.url)
        for _ in range(args.warmup):
            call()
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.calls):
            call()
        out["us_per_call"] = (time.perf_counter() - start) / args.calls * 1e6
        # This process's CPU time (the server is another): moves less than the wall time on a busy machine.
        out["cpu_us_per_call"] = (time.process_time() - cpu) / args.calls * 1e6
    elif args.figure == "stream":
        run = stream_caller(args.column, args.url)
        for _ in range(args.warmup):
            run()
        samples = []
        for _ in range(args.streams):
            start = time.perf_counter()
            n = run()
            samples.append((time.perf_counter() - start) / n * 1e6)
        out["events"] = n
        out["us_per_event"] = samples
    else:
        upload = upload_caller(args.column, args.url)
        upload(args.small_file)  # imports, connection, converters: all in the baseline
        gc.collect()
        baseline = _maxrss_mib()
        size = upload(args.file)
        out["baseline_mib"] = baseline
        out["peak_mib"] = _maxrss_mib()
        out["growth_mib"] = out["peak_mib"] - baseline
        out["server_bytes"] = size
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
