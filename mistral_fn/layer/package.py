"""Copy `mistral_fn` into the layer, pruned to what the chosen operations import."""

from collections.abc import Collection
from pathlib import Path

from .closure import ImportGraph
from .indexes import prune_models_index, prune_operations_index

SOURCE = Path(__file__).resolve().parent.parent
"""The `mistral_fn` package folder the layer is cut from: the one this builder belongs to."""

ALWAYS = ("", "funcs", "models", "providers")
"""In every layer: the package and its lazy indexes (`.funcs`, `.models`), which must import, and
`.providers`, which makes the Session for Mistral models on Azure or Vertex AI (no operation imports it)."""

FUNCS_INDEX = Path("funcs", "__init__.py")
MODELS_INDEX = Path("models", "__init__.py")


def package_files(source: Path, operations: Collection[str], graph: ImportGraph | None = None) -> list[Path]:
    """The files of the package at `source` that the indexes and `operations` import, relative to it.

    Pass one `graph` (of `source`) to several calls to parse each module once.
    """
    graph = graph or ImportGraph(source)
    top = source.name
    entries = [".".join(filter(None, (top, module))) for module in ALWAYS]
    entries = [name for name in entries if name in graph.modules]
    entries += [f"{top}.funcs.{name}" for name in operations]
    return sorted(graph.modules[name].relative_to(source) for name in graph.closure(entries))


def copy_package(source: Path, files: Collection[Path], operations: Collection[str], target: Path) -> None:
    """Copy `files` (from `package_files`) into `target`, the layer's `mistral_fn/`, indexes pruned to match."""
    models = {path.stem for path in files if path.parent == MODELS_INDEX.parent} - {"__init__"}
    for relative in files:
        data = (source / relative).read_bytes()
        if relative == FUNCS_INDEX:
            data = prune_operations_index(data.decode("utf-8"), operations).encode("utf-8")
        elif relative == MODELS_INDEX:
            data = prune_models_index(data.decode("utf-8"), models).encode("utf-8")
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_bytes(data)
