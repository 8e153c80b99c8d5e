"""The type tree a schema becomes, and `Scope`, which prints it with the imports it needs.

`Scope.annotation` prints a tree as a model field annotation, `Scope.keyword` as the (wider)
annotation of a function keyword: `Sequence`/`Mapping`, and a plain mapping wherever a model goes.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Prim:
    """A built-in type: str, int, float, bool, None, Any, datetime, FileInput."""

    name: str


@dataclass(frozen=True)
class Named:
    """A name declared in a model module: a schema, or an alias declared beside its parent."""

    name: str
    module: str
    kind: str
    """model, enum, dict, list, union, tagged, file (named schemas); or alias-enum, alias-union, alias-tagged."""
    has_models: bool = False
    """Whether a value of this type may hold a model (so a keyword also takes a plain mapping)."""
    expand: "T | None" = None
    """What the name stands for, for keywords that must spell it out (lists, unions holding lists)."""


@dataclass(frozen=True)
class Lit:
    """A closed `Literal[...]`: a tag or a boolean constant."""

    values: tuple[Any, ...]


@dataclass(frozen=True)
class ListOf:
    item: "T"


@dataclass(frozen=True)
class DictOf:
    value: "T"


@dataclass(frozen=True)
class UnionOf:
    """An untagged union; members are tried in spec order when reading."""

    members: tuple["T", ...]


@dataclass(frozen=True)
class Tagged:
    """A discriminated union: `Annotated[A | B | dict[str, Any], Discriminator(prop, {...})]`."""

    prop: str
    mapping: tuple[tuple[str, Named], ...]
    members: tuple[Named, ...]
    fallback: bool = True
    """Whether unknown tags read as plain dicts (`dict[str, Any]` member)."""


T = Prim | Named | Lit | ListOf | DictOf | UnionOf | Tagged

STR = Prim("str")
NONE = Prim("None")
ANY = Prim("Any")
FREE_OBJECT = DictOf(ANY)


def has_models(t: T) -> bool:
    if isinstance(t, Named):
        return t.has_models
    if isinstance(t, Tagged):
        return True
    if isinstance(t, ListOf):
        return has_models(t.item)
    if isinstance(t, DictOf):
        return has_models(t.value)
    if isinstance(t, UnionOf):
        return any(has_models(m) for m in t.members)
    return False


def has_containers(t: T) -> bool:
    """Whether `t` holds a list or dict of models somewhere (a keyword must then spell it out)."""
    if isinstance(t, (ListOf, DictOf)):
        return has_models(t)
    if isinstance(t, UnionOf):
        return any(has_containers(m) for m in t.members)
    if isinstance(t, Named) and t.kind in ("list", "union", "alias-union") and t.expand is not None:
        return has_containers(t.expand)
    return False


@dataclass(frozen=True)
class Alias:
    """`name = value` in a generated module: a type too long or too shared to spell out in place."""

    name: str
    value: str
    doc: str | None = None


# -- printing, with the imports the printed names need ------------------------------------------


@dataclass
class Scope:
    """Where a type is printed: the package (`models` or `funcs`), the module, and its imports."""

    package: str
    module: str
    imports: set[tuple[str, str]] = field(default_factory=set)
    title: str = ""
    aliases: list["Alias"] = field(default_factory=list)
    """Keyword annotations too long for one line, named in an operation module."""

    def need(self, module: str, name: str) -> None:
        self.imports.add((module, name))

    def name(self, n: Named) -> str:
        if n.module == self.module:  # declared in this very module
            return n.name
        prefix = "." if self.package == "models" else "..models."
        self.need(prefix + n.module, n.name)
        return n.name

    def prim(self, p: Prim) -> str:
        if p.name == "Any":
            self.need("typing", "Any")
        elif p.name == "datetime":
            self.need("datetime", "")
            return "datetime.datetime"
        elif p.name == "FileInput":
            self.need("..types", "FileInput")
        return p.name

    # -- model field annotations ---------------------------------------------------------------
    def atoms(self, t: T) -> list[str]:
        """The members of `t` as a union, each printed."""
        if isinstance(t, Prim):
            return [self.prim(t)]
        if isinstance(t, Named):
            return [self.name(t)]
        if isinstance(t, Lit):
            self.need("typing", "Literal")
            return [f"Literal[{', '.join(literal(v) for v in t.values)}]"]
        if isinstance(t, ListOf):
            return [f"list[{self.annotation(t.item)}]"]
        if isinstance(t, DictOf):
            return [f"dict[str, {self.annotation(t.value)}]"]
        if isinstance(t, UnionOf):
            return [a for m in t.members for a in self.atoms(m)]
        return [self.tagged(t)]

    def annotation(self, t: T) -> str:
        return " | ".join(_ordered(self.atoms(t)))

    def tagged(self, t: Tagged) -> str:
        self.need("typing", "Annotated")
        self.need("..types", "Discriminator")
        members = [self.name(m) for m in t.members]
        if t.fallback:
            self.need("typing", "Any")
            members.append("dict[str, Any]")
        mapping = ", ".join(f"{literal(tag)}: {self.name(n)}" for tag, n in t.mapping)
        return f"Annotated[{' | '.join(members)}, Discriminator({literal(t.prop)}, {{{mapping}}})]"

    # -- keyword annotations: Sequence/Mapping, and a plain mapping wherever a model goes ----------
    def keyword_atoms(self, t: T) -> list[str]:
        if isinstance(t, ListOf):
            self.need("collections.abc", "Sequence")
            return [f"Sequence[{self.keyword(t.item)}]"]
        if isinstance(t, DictOf):
            self.need("collections.abc", "Mapping")
            return [f"Mapping[str, {self.keyword(t.value)}]"]
        if isinstance(t, UnionOf):
            return [a for m in t.members for a in self.keyword_atoms(m)]
        if isinstance(t, Named) and t.expand is not None and (t.kind == "list" or has_containers(t)):
            return self.keyword_atoms(t.expand)
        if isinstance(t, Named) and t.kind == "dict":
            self.need("collections.abc", "Mapping")
            self.need("typing", "Any")
            return ["Mapping[str, Any]"]
        atoms = self.atoms(t)
        if has_models(t):
            self.need("collections.abc", "Mapping")
            self.need("typing", "Any")
            atoms.append("Mapping[str, Any]")
        return atoms

    def keyword(self, t: T) -> str:
        return " | ".join(_ordered(self.keyword_atoms(t)))

    def import_lines(self) -> tuple[str, ...]:
        """`import x` / `from x import a, b` lines: standard library, third party, then local."""
        by_module: dict[str, set[str]] = {}
        for module, name in self.imports:
            if self.package == "models" and module == "." + self.module:
                continue
            by_module.setdefault(module, set())
            if name:
                by_module[module].add(name)

        def section(module: str) -> int:
            return 2 if module.startswith(".") else 1 if module in ("attrs",) else 0

        lines = []
        for module in sorted(by_module, key=lambda m: (section(m), m.lstrip("."), m)):
            names = by_module[module]
            if not names:
                lines.append(f"import {module}")
            else:
                lines.append(f"from {module} import {', '.join(sorted(names, key=_import_key))}")
        return tuple(lines)


def _import_key(name: str) -> tuple[int, str]:
    # isort's order (ruff "I"): CONSTANTS, then Classes, then functions.
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def _ordered(atoms: Iterable[str]) -> list[str]:
    """De-duplicate union members; plain mappings go after the models, `None` last."""
    seen = list(dict.fromkeys(atoms))
    rank = {"Mapping[str, Any]": 1, "dict[str, Any]": 1, "None": 2}
    return sorted(seen, key=lambda a: rank.get(a, 0))


def literal(value: Any) -> str:
    """Python source of a JSON scalar (strings keep their non-ASCII characters)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)
