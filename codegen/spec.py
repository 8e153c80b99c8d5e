"""Load the OpenAPI document and `operations.tsv`, and resolve `$ref`s; no decisions here."""

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_ENV = "MISTRAL_OPENAPI_SPEC"
DEFAULT_SPEC = "../shared/openapi/mistral-openapi.yaml"
OPERATIONS_FILE = "operations.tsv"
"""Lives next to the spec: the Python name, SDK name and streaming flag of each operation."""


def spec_path() -> Path:
    """The spec named by `MISTRAL_OPENAPI_SPEC`, else `../shared/openapi/mistral-openapi.yaml` from the repo root."""
    path = Path(os.environ.get(SPEC_ENV, DEFAULT_SPEC))
    return path if path.is_absolute() else (ROOT / path).resolve()


@dataclass(frozen=True)
class OperationRow:
    """One line of operations.tsv."""

    python_name: str
    seed_name: str
    method: str
    path: str
    operation_id: str
    streaming: bool
    summary: str


@dataclass(frozen=True)
class Spec:
    """The parsed document, its hash and the operation table."""

    doc: dict[str, Any]
    sha256: str
    operations: tuple[OperationRow, ...]

    @property
    def schemas(self) -> dict[str, Any]:
        schemas: dict[str, Any] = self.doc.get("components", {}).get("schemas", {})
        return schemas

    def resolve(self, node: Any) -> Any:
        """Follow `$ref`s (local ones only) until a node that is not a reference."""
        seen: list[str] = []
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ValueError(f"$ref loop: {' -> '.join([*seen, ref])}")
            seen.append(ref)
            node = self.lookup(ref)
        return node

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported, got {ref!r}")
        node: Any = self.doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node


def flatten_properties(spec: Spec, s: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, `allOf` parts merged in order (later parts win)."""
    out: dict[str, Any] = {}
    for part in s.get("allOf", []):
        out.update(flatten_properties(spec, spec.resolve(part)))
    out.update(s.get("properties", {}))
    return out


def ref_name(ref: str) -> str:
    """`#/components/schemas/Foo` -> `Foo`."""
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise ValueError(f"not a schema reference: {ref!r}")
    return ref[len(prefix) :]


def operations_path() -> Path:
    """operations.tsv: beside the spec."""
    return spec_path().parent / OPERATIONS_FILE


def read_operations(path: Path | None = None) -> tuple[OperationRow, ...]:
    """The rows of operations.tsv (beside the spec unless given): the one reader of that table,
    for the generator and the tests alike."""
    with (path or operations_path()).open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return tuple(
        OperationRow(
            python_name=r["python_name"],
            seed_name=r["seed_name"],
            method=r["method"].upper(),
            path=r["path"],
            operation_id=r["operation_id"],
            streaming=r["streaming"].strip() == "stream",
            summary=r["summary"],
        )
        for r in rows
    )


def load(path: Path | None = None, operations: Path | None = None) -> Spec:
    """Read the spec (and operations.tsv beside it unless given)."""
    path = path or spec_path()
    data = path.read_bytes()
    doc = yaml.safe_load(data)
    return Spec(doc, hashlib.sha256(data).hexdigest(), read_operations(operations or path.parent / OPERATIONS_FILE))
