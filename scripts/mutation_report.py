"""The mutation score per runtime module and every surviving mutant with its diff, from mutmut's results.

Run by scripts/mutation after mutmut (it reads mutants/ through `mutmut results` and `mutmut show`);
prints Markdown. A mutant is detected when a test failed (killed) or ran out of time (timeout); the
score is detected / checked. Unchecked mutants (the run's time ran out) are counted apart.
"""

import subprocess
import sys
from collections import Counter, defaultdict

MUTMUT = ".venv/bin/mutmut"
DETECTED = {"killed", "timeout", "caught by type check", "segfault"}


def results() -> dict[str, str]:
    """mutant name -> status, for every mutant mutmut made."""
    out = subprocess.run([MUTMUT, "results", "--all", "true"], capture_output=True, text=True, check=True).stdout
    statuses = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name.startswith("mistral_fn."):
            statuses[name] = status
    return statuses


def diff(name: str) -> str:
    shown = subprocess.run([MUTMUT, "show", name], capture_output=True, text=True, check=False).stdout
    lines = [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return "\n".join(lines)


def main(modules: list[str]) -> int:
    statuses = results()
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for name, status in statuses.items():
        module = name.split(".")[2]
        if modules and module not in modules:
            continue
        by_module[module][status] += 1
        if status == "survived":
            survivors[module].append(name)
    total: Counter[str] = sum(by_module.values(), Counter())
    print("# Mutation testing of mistral_fn/_runtime (scripts/mutation)\n")
    print("| module | mutants | checked | detected | survived | score | not checked |")
    print("|---|---|---|---|---|---|---|")
    for module, counts in [*sorted(by_module.items()), ("all", total)]:
        made = sum(counts.values())
        unchecked = counts["not checked"]
        checked = made - unchecked
        detected = sum(counts[s] for s in DETECTED)
        score = f"{100 * detected / checked:.1f}%" if checked else "-"
        print(f"| {module} | {made} | {checked} | {detected} | {counts['survived']} | {score} | {unchecked} |")
    other = sorted(s for s in total if s not in DETECTED | {"survived", "not checked"})
    if other:
        print("\nOther outcomes: " + ", ".join(f"{s} {total[s]}" for s in other))
    print("\n## Survivors\n")
    for module in sorted(survivors):
        for name in sorted(survivors[module], key=lambda n: (n.rsplit("_", 1)[0], int(n.rsplit("_", 1)[1]))):
            print(f"### {name}\n\n```diff\n{diff(name)}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
