"""The mutation score per runtime module and every surviving mutant with its diff, from mutmut's results.

Run by scripts/mutation after mutmut (it reads mutants/ as `mutmut results` and `mutmut show` do);
prints Markdown. A mutant is detected when a test failed (killed) or ran out of time (timeout); the
score is detected / checked. Unchecked mutants (the run's time ran out) are counted apart.
"""

import sys
from collections import Counter, defaultdict
from pathlib import Path

# mutmut's own reading of mutants/ (what `mutmut results` and `mutmut show` print), in one process:
# a `mutmut show` per survivor costs seconds each. mutmut is pinned in pyproject's `mutation` extra.
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

DETECTED = {"killed", "timeout", "caught by type check", "segfault"}


def results() -> tuple[dict[str, str], dict[str, Path]]:
    """mutant name -> status, and -> the source file it mutates, for every mutant mutmut made."""
    statuses, paths = {}, {}
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, exit_code in data.exit_code_by_key.items():
            statuses[name] = status_by_exit_code[exit_code]
            paths[name] = data.path
    return statuses, paths


def diff(name: str, path: Path) -> str:
    shown = get_diff_for_mutant(name, path=path)
    lines = [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return "\n".join(lines)


def main(modules: list[str]) -> int:
    statuses, paths = results()
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for name, status in statuses.items():
        module = name.split(".")[2]
        if modules and module not in modules:
            continue
        by_module[module][status] += 1
        if status in ("survived", "no tests"):
            survivors[module].append(name)
    total: Counter[str] = sum(by_module.values(), Counter())
    print("# Mutation testing of mistral_fn/_runtime (scripts/mutation)\n")
    print("| module | mutants | checked | detected | survived | no test reached it | score | not checked |")
    print("|---|---|---|---|---|---|---|---|")
    for module, counts in [*sorted(by_module.items()), ("all", total)]:
        made = sum(counts.values())
        unchecked = counts["not checked"]
        checked = made - unchecked
        detected = sum(counts[s] for s in DETECTED)
        score = f"{100 * detected / checked:.1f}%" if checked else "-"
        row = f"| {module} | {made} | {checked} | {detected} | {counts['survived']} | {counts['no tests']} |"
        print(f"{row} {score} | {unchecked} |")
    other = sorted(s for s in total if s not in DETECTED | {"survived", "no tests", "not checked"})
    if other:
        print("\nOther outcomes: " + ", ".join(f"{s} {total[s]}" for s in other))
    print("\n## Survivors (and mutants no selected test reached: 'no tests')\n")
    for module in sorted(survivors):
        for name in sorted(survivors[module], key=lambda n: (n.rsplit("_", 1)[0], int(n.rsplit("_", 1)[1]))):
            print(f"### {name} ({statuses[name]})\n\n```diff\n{diff(name, paths[name])}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
