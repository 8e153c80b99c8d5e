"""`python -m mistral_fn.batch`: submit a JSONL file of requests, follow the jobs, fetch the results.

    python -m mistral_fn.batch submit requests.jsonl --model mistral-small-latest [--endpoint E]
                               [--run run.json] [--wait] [--out results.jsonl]
    python -m mistral_fn.batch status run.json
    python -m mistral_fn.batch results run.json [--out results.jsonl] [--ordered]

Each line of `requests.jsonl` is a request body, or `{"custom_id": ..., "body": {...}}`. `submit`
saves the run (job ids, which requests each holds) to `--run` (default: beside the input,
`<name>.run.json`). Results are JSONL: `{"custom_id": ..., "response": {...}}` or
`{"custom_id": ..., "error": {"status_code": ..., "message": ...}}`. The key comes from
MISTRAL_API_KEY, the server from `--server-url` or MISTRAL_SERVER_URL. Progress goes to stderr.
"""

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import InvalidRequestError
from ..result import Err
from ..session import Session
from .progress import Progress
from .run import BatchRun


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    server_url = args.server_url or os.environ.get("MISTRAL_SERVER_URL") or None
    session = Session(server_url=server_url)
    progress = Progress()
    try:
        code: int = args.command(session, args, progress)
        return code
    finally:
        session.close()


def _submit(session: Session, args: argparse.Namespace, progress: Progress) -> int:
    from .submit import batch_submit

    source = Path(args.requests)
    if not source.is_file():
        progress.say(f"error: no such file: {source}")
        return 2
    run_path = Path(args.run) if args.run else source.with_suffix(".run.json")
    metadata = dict(pair.split("=", 1) for pair in args.metadata) if args.metadata else None
    submitted = batch_submit(
        session,
        _read_requests(source),
        model=args.model,
        endpoint=args.endpoint,
        metadata=metadata,
        max_requests_per_job=args.max_requests_per_job,
    )
    if isinstance(submitted, Err):
        return _fail(progress, submitted.error)
    run = submitted.value
    run_path.write_text(run.to_json())
    progress.say(f"submitted {run.total} requests in {len(run.jobs)} job(s): {', '.join(run.job_ids)}")
    progress.say(f"run saved to {run_path}")
    if not args.wait:
        return 0
    return _wait_and_write(session, run, run_path, args, progress)


def _status(session: Session, args: argparse.Namespace, progress: Progress) -> int:
    from .wait import batch_status

    run_path = Path(args.run)
    polled = batch_status(session, BatchRun.from_json(run_path.read_text()))
    if isinstance(polled, Err):
        return _fail(progress, polled.error)
    run, counts = polled.value
    run_path.write_text(run.to_json())
    progress(counts)
    for job in run.jobs:
        print(json.dumps({"job_id": job.job_id, "status": job.status, "requests": job.count}))
    return 0


def _results(session: Session, args: argparse.Namespace, progress: Progress) -> int:
    return _wait_and_write(session, BatchRun.from_json(Path(args.run).read_text()), Path(args.run), args, progress)


def _wait_and_write(
    session: Session, run: BatchRun, run_path: Path, args: argparse.Namespace, progress: Progress
) -> int:
    from .results import BatchItemError, batch_results
    from .wait import batch_wait

    if not run.finished or getattr(args, "wait", False):
        waited = batch_wait(session, run, deadline_ms=args.deadline_ms, on_progress=progress)
        if isinstance(waited, Err):
            return _fail(progress, waited.error)
        run = waited.value
        run_path.write_text(run.to_json())
    written = failed = 0
    out: TextIO = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for result in batch_results(session, run, ordered=args.ordered):
            if isinstance(result, Err):
                error = result.error
                if not isinstance(error, BatchItemError):
                    return _fail(progress, error)
                failed += 1
                record: dict[str, Any] = {
                    "custom_id": error.custom_id,
                    "error": {"status_code": error.status_code, "message": error.message},
                }
            else:
                from .._runtime import convert

                custom_id, response = result.value
                record = {"custom_id": custom_id, "response": convert.to_json(response)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    finally:
        if out is not sys.stdout:
            out.close()
    progress.say(f"{written} results written{f' to {args.out}' if args.out else ''}, {failed} failed")
    return 0


def _read_requests(path: Path) -> Iterator[Any]:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except ValueError as e:
                raise InvalidRequestError(f"{path}:{number}: not JSON: {e}") from e


def _fail(progress: Progress, error: object) -> int:
    progress.say(f"error: {error}")
    for note in getattr(error, "__notes__", ()):
        progress.say(f"  {note}")
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mistral_fn.batch", description=__doc__.split("\n")[0])
    parser.add_argument("--server-url", help="base URL of the API (default: MISTRAL_SERVER_URL, else Mistral's)")
    commands = parser.add_subparsers(required=True, metavar="{submit,status,results}")

    submit = commands.add_parser("submit", help="upload requests.jsonl and create the batch job(s)")
    submit.add_argument("requests", help="JSONL: one request body (or {custom_id, body}) per line")
    submit.add_argument("--model", required=True)
    submit.add_argument("--endpoint", default="/v1/chat/completions")
    submit.add_argument("--run", help="where to save the run (default: <requests>.run.json)")
    submit.add_argument("--metadata", nargs="*", metavar="KEY=VALUE")
    submit.add_argument("--max-requests-per-job", type=int, default=1_000_000)
    submit.add_argument("--wait", action="store_true", help="wait for the jobs, then write the results")
    _result_options(submit)
    submit.set_defaults(command=_submit)

    status = commands.add_parser("status", help="the progress of a saved run")
    status.add_argument("run", help="the run file that submit saved")
    status.set_defaults(command=_status)

    results = commands.add_parser("results", help="wait for a saved run if need be, then write its results")
    results.add_argument("run", help="the run file that submit saved")
    _result_options(results)
    results.set_defaults(command=_results)
    return parser


def _result_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", help="results JSONL (default: stdout)")
    parser.add_argument("--ordered", action="store_true", help="results in the order of the requests")
    parser.add_argument("--deadline-ms", type=int, default=None, help="give up waiting after this long")


if __name__ == "__main__":
    sys.exit(main())
