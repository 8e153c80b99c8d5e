"""Benchmarks: mistral_fn against requests by hand and the official SDK (mistralai 3.7.0).

    python3 benchmarks/run.py            # the full run (about 3 to 5 minutes); writes benchmarks/RESULTS.md
    python3 benchmarks/run.py --quick    # fewer repetitions, to try the harness (writes nothing)

Makes two virtual environments under benchmarks/.envs/ with this interpreter (mistral_fn
installed from this checkout, not editable; mistralai==3.7.0), starts one loopback server
(benchmarks/server.py) and measures six figures, each client in its own processes, columns
interleaved. Prints one table of medians with the ratios and a PASS/MISS per target.
Standard library only; the clients run in the environments.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ENVS = HERE / ".envs"
CLIENTS = HERE / "clients"
OFFICIAL_VERSION = "3.7.0"
COLUMNS = ("fn", "hand", "official")
TITLES = {"fn": "mistral_fn", "hand": "requests by hand", "official": "official mistralai"}
UPLOAD_BYTES = 256 * 1024 * 1024
LOAD_AT_START = 0.0
MB = 1_000_000
MIB = 1024 * 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- environments ----------------------------------------------------------------------------------
def _env_python(name: str) -> Path:
    return ENVS / name / "bin" / "python"


def _pip(name: str, *args: str) -> None:
    process = subprocess.run(
        [str(_env_python(name)), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
    )
    if process.returncode != 0:
        raise SystemExit(f"pip install {' '.join(args)} failed in {ENVS / name}:\n{process.stderr[-3000:]}")


def _make_env(name: str) -> bool:
    """Create the venv if missing (or made by another Python); True if it was (re)made."""
    python = _env_python(name)
    if python.exists():
        version = subprocess.run(
            [str(python), "-c", "import platform; print(platform.python_version())"], capture_output=True, text=True
        ).stdout.strip()
        if version == platform.python_version():
            return False
        shutil.rmtree(ENVS / name)
    log(f"creating {ENVS / name} ({platform.python_version()})")
    subprocess.run([sys.executable, "-m", "venv", str(ENVS / name)], check=True)
    return True


def prepare_envs(fresh: bool) -> None:
    if fresh and ENVS.exists():
        shutil.rmtree(ENVS)
    ENVS.mkdir(exist_ok=True)
    if _make_env("fn"):
        log("installing mistral_fn and its dependencies")
        _pip("fn", str(REPO))
    else:
        # Reinstall the package itself from the working tree, so its size and code are current.
        log("reinstalling mistral_fn from the working tree")
        _pip("fn", "--force-reinstall", "--no-deps", str(REPO))
        _pip("fn", str(REPO))  # any dependency pyproject.toml added since
    made = _make_env("official")
    installed = subprocess.run(
        [str(_env_python("official")), "-c", "from importlib.metadata import version; print(version('mistralai'))"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if made or installed != OFFICIAL_VERSION:
        log(f"installing mistralai=={OFFICIAL_VERSION}")
        _pip("official", f"mistralai=={OFFICIAL_VERSION}")


def python_of(column: str) -> str:
    # requests by hand runs in the mistral_fn environment: same requests, nothing else imported.
    return str(_env_python("official" if column == "official" else "fn"))


# -- the server ------------------------------------------------------------------------------------
class Server:
    def __init__(self, port: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "server.py"), "--port", str(port)], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().split()
        if not line or line[0] != "READY":
            self.process.kill()
            raise SystemExit("the loopback server did not start")
        self.url = f"http://127.0.0.1:{line[1]}"

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()


# -- running clients -------------------------------------------------------------------------------
def run_client(column: str, args: Sequence[str]) -> str:
    """Run one client process in its environment and return its stdout; stop the run if it fails."""
    process = subprocess.run(
        [python_of(column), *args], capture_output=True, cwd=CLIENTS, env={**os.environ, "PYTHONPATH": str(CLIENTS)}
    )
    if process.returncode != 0:
        raise SystemExit(f"{column} {' '.join(args)} failed ({process.returncode}):\n{process.stderr.decode()[-3000:]}")
    return process.stdout.decode()


def run_cold(column: str, url: str) -> tuple[float, float, float]:
    """One cold start: wall time from spawn to exit, the child's ru_maxrss and CPU time (from wait4)."""
    argv = [python_of(column), f"cold_{column}.py", url]
    env = {**os.environ, "PYTHONPATH": str(CLIENTS)}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=CLIENTS, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"cold start of {column} failed; see: cd {CLIENTS} && PYTHONPATH=. {' '.join(argv)}")
    return wall, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000


def client_json(column: str, args: Sequence[str]) -> dict[str, Any]:
    out = run_client(column, args)
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


# -- the figures -----------------------------------------------------------------------------------
def cold_start(url: str, rounds: int) -> dict[str, dict[str, float]]:
    for column in COLUMNS:  # one unmeasured start each: .pyc files written, page cache warm
        run_cold(column, url)
    walls: dict[str, list[float]] = {c: [] for c in COLUMNS}
    rss: dict[str, list[float]] = {c: [] for c in COLUMNS}
    cpu: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for i in range(rounds):
        order = COLUMNS if i % 2 == 0 else tuple(reversed(COLUMNS))
        for column in order:
            wall, peak, cpu_ms = run_cold(column, url)
            walls[column].append(wall * 1000)
            rss[column].append(peak)
            cpu[column].append(cpu_ms)
    log("cold start: " + ", ".join(f"{c} {statistics.median(walls[c]):.1f} ms" for c in COLUMNS))
    return {
        "wall_ms": {c: statistics.median(walls[c]) for c in COLUMNS},
        "rss_mib": {c: statistics.median(rss[c]) for c in COLUMNS},
        "cpu_ms": {c: statistics.median(cpu[c]) for c in COLUMNS},
        "wall_ms_all": walls,  # type: ignore[dict-item]
    }


def warm_call(url: str, rounds: int, calls: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for _ in range(rounds):
        for column in COLUMNS:
            calls_here = calls if column != "official" else max(calls // 5, 200)
            out = client_json(column, ["bench.py", "warm", column, url, "--calls", str(calls_here), "--warmup", "100"])
            samples[column].append(out["us_per_call"])
    log("warm call: " + ", ".join(f"{c} {statistics.median(samples[c]):.0f} us" for c in COLUMNS))
    return {c: statistics.median(samples[c]) for c in COLUMNS}


def stream(url: str, rounds: int, streams: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for _ in range(rounds):
        for column in COLUMNS:
            out = client_json(column, ["bench.py", "stream", column, url, "--streams", str(streams), "--warmup", "3"])
            assert out["events"] == 200, out
            samples[column].extend(out["us_per_event"])
    log("stream: " + ", ".join(f"{c} {statistics.median(samples[c]):.1f} us/event" for c in COLUMNS))
    return {c: statistics.median(samples[c]) for c in COLUMNS}


def upload(url: str, rounds: int, workdir: Path) -> dict[str, Any]:
    big = workdir / "upload.jsonl"
    with open(big, "wb") as f:  # sparse: reads as zeros, takes no disk
        f.truncate(UPLOAD_BYTES)
    small = workdir / "small.jsonl"
    small.write_bytes(b'{"messages": []}\n')
    growth: dict[str, list[float]] = {c: [] for c in COLUMNS}
    for _ in range(rounds):
        for column in COLUMNS:
            out = client_json(
                column, ["bench.py", "upload", column, url, "--file", str(big), "--small-file", str(small)]
            )
            assert out["server_bytes"] >= UPLOAD_BYTES, out
            growth[column].append(out["growth_mib"])
    log("upload: " + ", ".join(f"{c} +{statistics.median(growth[c]):.1f} MiB" for c in COLUMNS))
    return {c: statistics.median(growth[c]) for c in COLUMNS}


def sizes() -> dict[str, Any]:
    fn = [json.loads(line) for line in run_client("fn", ["sizes.py", "mistral-fn", "requests"]).splitlines()]
    official = json.loads(run_client("official", ["sizes.py", "mistralai"]))
    return {"fn": fn[0], "hand": fn[1], "official": official}


def imports() -> dict[str, Any]:
    out = {"fn": client_json("fn", ["imports.py", "fn"]), "hand": client_json("hand", ["imports.py", "hand"])}
    out["official"] = client_json("official", ["imports.py", "official"])
    return out


# -- the table -------------------------------------------------------------------------------------
def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def _fmt(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def build_table(r: dict[str, Any]) -> tuple[list[str], list[str]]:
    cold, size, imp = r["cold"], r["sizes"], r["imports"]
    rows: list[tuple[str, dict[str, float | None], int]] = [
        ("cold start wall, ms", cold["wall_ms"], 1),
        ("cold start CPU (user+sys), ms", cold["cpu_ms"], 1),
        ("cold start peak RSS, MiB", cold["rss_mib"], 1),
        ("warm call, µs per call", r["warm"], 0),
        ("stream, µs per event (200 events)", r["stream"], 2),
        ("upload 256 MiB, peak RSS growth, MiB", r["upload"], 1),
        ("installed size, full install, MB", {c: size[c]["full"]["installed"] / MB for c in COLUMNS}, 2),
        ("zipped size (zip -9), full install, MB", {c: size[c]["full"]["zipped"] / MB for c in COLUMNS}, 3),
        ("installed size, the package alone, MB", {c: size[c]["alone"]["installed"] / MB for c in COLUMNS}, 3),
        ("zipped size, the package alone, MB", {c: size[c]["alone"]["zipped"] / MB for c in COLUMNS}, 3),
        ("modules loaded by the import", {c: float(imp[c]["loaded"]) for c in COLUMNS}, 0),
    ]
    lines = [
        "| figure | mistral_fn | requests by hand | official mistralai | ratio fn/by-hand | ratio fn/official |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, values, digits in rows:
        fn, hand, official = (values[c] for c in COLUMNS)
        lines.append(
            f"| {name} | {_fmt(fn, digits)} | {_fmt(hand, digits)} | {_fmt(official, digits)} "
            f"| {_fmt(_ratio(fn, hand), 2)} | {_fmt(_ratio(fn, official), 3)} |"
        )
    checks = [  # (target, measured value, limit): PASS when value <= limit
        ("cold start wall <= 1.4x requests by hand", _ratio(cold["wall_ms"]["fn"], cold["wall_ms"]["hand"]), 1.4),
        ("cold start wall <= 0.3x official", _ratio(cold["wall_ms"]["fn"], cold["wall_ms"]["official"]), 0.3),
        ("cold peak RSS <= 1.25x requests by hand", _ratio(cold["rss_mib"]["fn"], cold["rss_mib"]["hand"]), 1.25),
        ("warm call <= 1.2x requests by hand", _ratio(r["warm"]["fn"], r["warm"]["hand"]), 1.2),
        ("stream per event <= 3x hand parsing", _ratio(r["stream"]["fn"], r["stream"]["hand"]), 3.0),
        ("upload RSS growth <= 16 MiB", r["upload"]["fn"], 16.0),
        ("full install zipped <= 1.5 MB", size["fn"]["full"]["zipped"] / MB, 1.5),
    ]
    verdicts = [
        f"- {'PASS' if value is not None and value <= limit else 'MISS'}: {name} (measured {_fmt(value, 2)})"
        for name, value, limit in checks
    ]
    return lines, verdicts


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    fn_libs = ", ".join(f"{d} {_version('fn', d)}" for d in ("requests", "urllib3", "attrs", "cattrs"))
    official_libs = ", ".join(f"{d} {_version('official', d)}" for d in ("httpx2", "pydantic"))
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "OS": f"{platform.system()} {platform.release()} ({platform.freedesktop_os_release().get('PRETTY_NAME', '')})"
        if hasattr(platform, "freedesktop_os_release")
        else platform.platform(),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load average (1 min)": f"{LOAD_AT_START:.2f} at start, {os.getloadavg()[0]:.2f} at end",
        "libraries": f"mistral_fn at {_git_head()} ({fn_libs}); mistralai {OFFICIAL_VERSION} ({official_libs})",
    }


def _version(env: str, dist: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({dist!r}))"
    out = subprocess.run([python_of(env), "-c", code], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def _git_head() -> str:
    out = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def report(r: dict[str, Any], quick: bool, command: str) -> str:
    lines, verdicts = build_table(r)
    imp, size = r["imports"], r["sizes"]
    m = machine()
    parts = ["# Benchmark results", ""]
    if quick:
        parts += ["**Quick run (--quick): fewer repetitions; indicative only.**", ""]
    parts += [f"Reproduce with: `{command}`", "", *lines, "", "Targets (ratios from this same run):", "", *verdicts, ""]
    parts += ["Machine:", ""] + [f"- {k}: {v}" for k, v in m.items()] + [""]
    parts += [
        "How each figure is taken (medians; see benchmarks/README.md):",
        "",
        f"- cold start: {r['params']['cold_rounds']} interleaved rounds of a fresh process that imports, makes a "
        "client and does one chat completion; wall time from spawn to exit, ru_maxrss of the child (wait4).",
        f"- warm call: {r['params']['warm_rounds']} processes per column, each {r['params']['calls']} calls after "
        f"100 warm-up calls (official: {max(r['params']['calls'] // 5, 200)} calls, it is ~10x slower).",
        f"- stream: {r['params']['stream_rounds']} processes x {r['params']['streams']} streams of 200 events per "
        "column; time of the whole call (request to [DONE]) divided by 200.",
        f"- upload: {r['params']['upload_rounds']} fresh processes per column; ru_maxrss after uploading a 256 MiB "
        "sparse file minus ru_maxrss after a small upload. By hand is `requests.post(files=...)`, which builds the "
        "whole multipart body in memory: that is what the by-hand figure shows.",
        "- sizes: files of the distribution and its requirement closure in site-packages (RECORD), "
        "without __pycache__, pip, setuptools, wheel; zipped = deflate level 9 under python/ (a Lambda layer).",
        "- modules: len(sys.modules) after minus before the import statement, in a fresh interpreter.",
        "",
        "Imports measured:",
        "",
    ]
    for c in COLUMNS:
        parts.append(f"- {TITLES[c]}: `{imp[c]['statement']}` loads {imp[c]['loaded']} modules")
    if "phases" in r:
        parts += [
            "",
            "Where a mistral_fn cold start goes (`clients/cold_phases.py`, CPU time):",
            "",
            r["phases"].strip(),
        ]
    parts += ["", f"mistral_fn modules loaded by `{imp['fn']['statement']}` ({len(imp['fn']['mistral_fn'])}):", ""]
    parts.append("    " + ", ".join(imp["fn"]["mistral_fn"]))
    parts += ["", "Distributions in each full install:", ""]
    for c in COLUMNS:
        parts.append(f"- {TITLES[c]}: " + ", ".join(size[c]["distributions"]))
    parts.append("")
    return "\n".join(parts)


# Sections of RESULTS.md that other tools measure (the layer builder's sizes, run_many.py); a run keeps them.
KEPT_SECTIONS = ("## Lambda layer", "## Many calls at once", "## Instruction counts")


def _kept_sections(path: Path) -> str:
    """The text of RESULTS.md from the first kept section on, to append after a fresh table."""
    if not path.exists():
        return ""
    old = path.read_text()
    starts = [i for i in (old.find("\n" + heading) for heading in KEPT_SECTIONS) if i >= 0]
    return "\n" + old[min(starts) :].lstrip("\n") if starts else ""


def main() -> None:
    parser = argparse.ArgumentParser(description="mistral_fn benchmarks against requests by hand and mistralai.")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions; does not write RESULTS.md")
    parser.add_argument("--fresh", action="store_true", help="recreate benchmarks/.envs/ from scratch")
    parser.add_argument("--port", type=int, default=0, help="port for the loopback server (default: a free one)")
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/RESULTS.md")
    parser.add_argument(
        "--only", help="comma-separated figures to measure (imports,sizes,cold,warm,stream,upload,phases); prints JSON"
    )
    parser.add_argument("--rounds", type=int, help="cold start rounds (default 21)")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    if sys.version_info[:2] != (3, 11):
        log(f"note: running on Python {platform.python_version()}; the reference results use 3.11")
    params = (
        {"cold_rounds": 5, "warm_rounds": 1, "calls": 300, "stream_rounds": 1, "streams": 5, "upload_rounds": 1}
        if args.quick
        else {"cold_rounds": 21, "warm_rounds": 5, "calls": 1000, "stream_rounds": 3, "streams": 20, "upload_rounds": 3}
    )
    if args.rounds:
        params["cold_rounds"] = args.rounds
    global LOAD_AT_START
    LOAD_AT_START = os.getloadavg()[0]
    if LOAD_AT_START > 1.0:
        log(f"note: load average {LOAD_AT_START:.2f}; other work on this machine will move the wall times")
    started = time.monotonic()
    prepare_envs(args.fresh)
    server = Server(args.port)
    results: dict[str, Any] = {"params": params}
    try:
        with tempfile.TemporaryDirectory(prefix="mistral-fn-bench-") as tmp:
            log(f"server at {server.url}")
            figures = {
                "imports": imports,
                "sizes": sizes,
                "cold": lambda: cold_start(server.url, params["cold_rounds"]),
                "warm": lambda: warm_call(server.url, params["warm_rounds"], params["calls"]),
                "stream": lambda: stream(server.url, params["stream_rounds"], params["streams"]),
                "upload": lambda: upload(server.url, params["upload_rounds"], Path(tmp)),
                "phases": lambda: run_client(
                    "fn", ["cold_phases.py", server.url, "--runs", str(params["cold_rounds"])]
                ),
            }
            for name, measure in figures.items():
                if only is None or name in only:
                    results[name] = measure()
    finally:
        server.close()
    if only is not None:  # a partial run prints what it measured and writes nothing
        print(json.dumps({k: v for k, v in results.items() if k in only}, indent=1, default=str))
        return
    command = "python3 benchmarks/run.py" + (" --quick" if args.quick else "")
    text = report(results, args.quick, command)
    lines, verdicts = build_table(results)
    print("\n".join(lines))
    print()
    print("\n".join(verdicts))
    if not args.quick and not args.no_write:
        (HERE / "RESULTS.md").write_text(text + _kept_sections(HERE / "RESULTS.md"))
        (ENVS / "last-results.json").write_text(json.dumps(results, indent=1))
        log(f"wrote {HERE / 'RESULTS.md'}")
    log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
