"""The whole plan: every decision the generator makes, as small frozen dataclasses.

The spec is read through `spec.Spec`; the models are planned in `models`, the operations in
`operations`, every spec quirk lives in `quirks`; the renderer prints the plan without further
thought.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from . import examples
from .models import ModelModule, Typer
from .operations import OperationPlan, Operations
from .quirks import server_names, vendor_extensions
from .spec import Spec


@dataclass(frozen=True)
class Plan:
    sha256: str
    servers: tuple[tuple[str, str], ...]
    models: tuple[ModelModule, ...]
    operations: tuple[OperationPlan, ...]
    defects: tuple[str, ...]
    """Spec defects worked around, each once, in the order met."""


def make_plan(spec: Spec) -> Plan:
    vendor_extensions(spec)
    typer = Typer(spec)
    models = [typer.model_module(name) for name in spec.schemas]
    ops = Operations(spec, typer)
    operations = tuple(ops.plan(row) for row in spec.operations)
    operations = tuple(replace(op, example=examples.example(op)) for op in operations)
    all_models = tuple(models + ops.body_models)
    modules = [m.module for m in all_models]
    clashes = {m for m in modules if modules.count(m) > 1}
    if clashes:
        raise ValueError(f"two models share a module name: {sorted(clashes)}")
    names = [e for m in all_models for e in m.exports]
    clashes = {n for n in names if names.count(n) > 1}
    if clashes:
        raise ValueError(f"two model modules export the same name: {sorted(clashes)}")
    return Plan(spec.sha256, server_names(spec), all_models, operations, tuple(dict.fromkeys(typer.defects)))


def iter_creating(plan: Plan) -> Iterator[str]:
    return (op.name for op in plan.operations if op.creates)


def iter_paging(plan: Plan) -> Iterator[str]:
    return (op.name for op in plan.operations if op.pages is not None)
