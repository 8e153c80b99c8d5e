"""CONTRIBUTING.md's module map ("Where things are") names every module of `mistral_fn/`."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATED = ("funcs", "models")  # named as a whole; their modules are one per operation and schema


def module_map() -> dict[str, str]:
    """Entry of the map under `mistral_fn/` ("session.py", "_runtime/") -> its text, continuation lines included."""
    text = (REPO / "CONTRIBUTING.md").read_text()
    block = text.split("## Where things are", 1)[1].split("```", 2)[1]
    entries: dict[str, str] = {}
    current = None
    for line in block.splitlines():
        top = re.match(r"^  (\S+)", line)
        if top:
            current = top.group(1)
            entries[current] = line
        elif re.match(r"^\S", line):
            current = None  # the next top-level directory (codegen/, tests/...)
        elif current is not None:
            entries[current] += "\n" + line
    return entries


def unnamed_modules(entries: dict[str, str]) -> list[str]:
    missing = []
    for path in sorted((REPO / "mistral_fn").rglob("*.py")):
        parts = path.relative_to(REPO / "mistral_fn").parts
        if len(parts) == 1:
            if parts[0] not in entries:
                missing.append(parts[0])
            continue
        package = parts[0] + "/"
        section = entries.get(package)
        if section is None:
            missing.append(package)
        elif parts[0] not in GENERATED and parts[-1] != "__init__.py" and parts[-1] not in section:
            missing.append("/".join(parts))
    return sorted(set(missing))


def test_every_module_is_in_the_map() -> None:
    assert unnamed_modules(module_map()) == []


def test_the_map_check_notices_a_missing_entry() -> None:
    entries = module_map()
    already = set(unnamed_modules(entries))  # reported by the test above
    del entries["session.py"]
    entries["_runtime/"] = entries["_runtime/"].replace("transport.py", "")
    assert set(unnamed_modules(entries)) - already == {"_runtime/transport.py", "session.py"}


def test_the_generated_spec_table_is_named() -> None:
    assert "_spec.py" in module_map()["funcs/"]
