"""The pruned package of every operation imports on its own: the static closure misses nothing.

Each operation's pruned `mistral_fn` (no pip: the dependencies come from this environment's
site-packages, added without running its .pth files, so the editable install stays out) is imported
in one bare interpreter, one tree after another.
"""

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

from mistral_fn.layer.closure import ImportGraph
from mistral_fn.layer.operations import read_operations
from mistral_fn.layer.package import FUNCS_INDEX, SOURCE, copy_package, package_files

# For each (tree, operation): forget every mistral_fn module, import the operation from that tree
# alone, and report where each loaded mistral_fn module came from.
DRIVER = """
import json, sys
site_packages, jobs = sys.argv[1], json.loads(sys.argv[2])
sys.path.append(site_packages)
report = {}
for tree, name in jobs:
    for module in [m for m in sys.modules if m == "mistral_fn" or m.startswith("mistral_fn.")]:
        del sys.modules[module]
    sys.path.insert(0, tree)
    try:
        import mistral_fn
        function = getattr(mistral_fn, name)
        import mistral_fn._runtime.responses, mistral_fn._runtime.streams  # imported at first call
        files = [getattr(m, "__file__", "") for n, m in sys.modules.items() if n.startswith("mistral_fn")]
        report[name] = {"ok": callable(function), "outside": [f for f in files if not f.startswith(tree)]}
    except Exception as e:
        report[name] = {"ok": False, "error": repr(e)}
    sys.path.remove(tree)
print(json.dumps(report))
"""


def test_every_operation_imports_from_its_own_pruned_package(tmp_path: Path) -> None:
    """All 74 operations import from a tree holding only their closure, and load nothing from elsewhere."""
    operations = sorted(read_operations(SOURCE / FUNCS_INDEX))
    graph = ImportGraph(SOURCE)
    jobs = []
    for name in operations:
        tree = tmp_path / name
        copy_package(SOURCE, package_files(SOURCE, [name], graph), [name], tree / "mistral_fn")
        jobs.append((str(tree) + "/", name))
    command = [sys.executable, "-I", "-S", "-B", "-c", DRIVER, sysconfig.get_path("purelib"), json.dumps(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    failures = {name: r for name, r in report.items() if not r["ok"] or r.get("outside")}
    assert failures == {}
    assert sorted(report) == operations
