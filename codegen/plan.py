"""Every decision the generator makes: names, types, imports, docstrings, operation tables.

The spec is read through `spec.Spec`; what comes out are small frozen dataclasses that the
renderer prints without further thought. Each quirk of the spec is a named function below, with
a comment naming the schema or operation it is about.
"""

import builtins
import json
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from . import examples, naming
from .spec import OperationRow, Spec, ref_name

# ---------------------------------------------------------------------------------------------
# Types
#
# A schema becomes a small tree of these; `Scope.annotation` prints it as a model field
# annotation, `Scope.keyword` as the (wider) annotation of a function keyword.


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


# ---------------------------------------------------------------------------------------------
# Imports and printing of types


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
            return [f"Literal[{', '.join(_literal(v) for v in t.values)}]"]
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
        mapping = ", ".join(f"{_literal(tag)}: {self.name(n)}" for tag, n in t.mapping)
        return f"Annotated[{' | '.join(members)}, Discriminator({_literal(t.prop)}, {{{mapping}}})]"

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


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


# ---------------------------------------------------------------------------------------------
# Docstrings

BUILTINS = frozenset(dir(builtins))
WIDTH = 116
_ARG_HEAD = re.compile(r"^ {4}\w+: ")


def wrap(text: str, indent: int, first_indent: int | None = None) -> list[str]:
    """Spec text wrapped to the line length: whitespace only, words are never changed."""
    first = indent if first_indent is None else first_indent
    out: list[str] = []
    for line in text.strip().splitlines():
        line = line.rstrip()
        width = WIDTH - (first if not out else indent)
        if len(line) <= width:
            out.append(line)
            continue
        lead = len(line) - len(line.lstrip())
        if _ARG_HEAD.match(line):  # `    name: text` in an Args: section hangs by four more
            lead += 4
        pieces = textwrap.wrap(
            line,
            width=width,
            subsequent_indent=" " * lead,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out.extend(pieces or [""])
    return out


def docstring(text: str, indent: int) -> str:
    """A docstring literal (raw where the text has a backslash) indented by `indent` spaces."""
    text = text.strip().replace('"""', '\\"\\"\\"')
    lines = wrap(text, indent, indent + 3)
    pad = " " * indent
    body = ("\n" + pad).join(line if line else "" for line in lines)
    body = "\n".join(line.rstrip() for line in body.split("\n"))
    if len(lines) > 1:
        body += "\n" + pad
    elif body.endswith('"'):
        body += " "
    prefix = "r" if "\\" in text else ""
    return f'{prefix}"""{body}"""'


# ---------------------------------------------------------------------------------------------
# Models


@dataclass(frozen=True)
class Field:
    name: str
    annotation: str
    default: str | None
    """Python source of the default, or None for a required field."""
    doc: str | None


@dataclass(frozen=True)
class Alias:
    name: str
    value: str
    doc: str | None = None


@dataclass(frozen=True)
class ModelClass:
    name: str
    doc: str | None
    fields: tuple[Field, ...]
    closed: bool


@dataclass(frozen=True)
class ModelModule:
    """One module of `mistral_fn/models`: aliases, then at most one class."""

    name: str
    """The name the index exports (schema name, or `<Function>Body`)."""
    module: str
    doc: str | None
    """Module docstring, only for modules that are not a spec schema."""
    imports: tuple[str, ...]
    aliases: tuple[Alias, ...]
    cls: ModelClass | None
    exports: tuple[str, ...]
    """Every public name the module declares (the schema name first)."""


@dataclass
class _Local:
    """Aliases declared inside one model module while its fields are typed."""

    module: str
    aliases: dict[str, T] = field(default_factory=dict)
    docs: dict[str, str | None] = field(default_factory=dict)


class Typer:
    """Turns schemas into `T` trees; named schemas are resolved by kind, anonymous ones aliased."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.schemas = spec.schemas
        self.tag_props = tag_properties(spec)
        self.null_in_examples = nullable_by_example(spec)
        self._named: dict[str, Named] = {}
        self._resolving: list[str] = []

    # -- named schemas ---------------------------------------------------------------------------
    def kind(self, name: str) -> str:
        s = self.schemas[name]
        if "enum" in s:
            return "enum"
        if "discriminator" in s:
            return "tagged"
        if "anyOf" in s or "oneOf" in s:
            return "union"
        if s.get("type") == "array":
            return "list"
        if s.get("type") == "string" and s.get("format") == "binary":
            return "file"
        if "allOf" in s or "properties" in s:
            return "model"
        if s.get("type") == "object":
            return "dict"
        raise ValueError(f"schema {name}: unsupported shape {sorted(s)}")

    def named(self, name: str) -> Named:
        known = self._named.get(name)
        if known is not None:
            return known
        if name in self._resolving:  # the spec has none; a cycle would need string annotations
            raise ValueError(f"reference cycle: {' -> '.join([*self._resolving, name])}")
        self._resolving.append(name)
        try:
            kind = self.kind(name)
            module = naming.module_name(name)
            expand: T | None = None
            models = kind in ("model", "tagged")
            if kind in ("list", "union", "tagged", "dict"):
                expand = self.value_of(name)
                models = models or has_models(expand)
            if kind == "model":
                for prop, s in self.properties(name).items():  # references must be acyclic
                    self.type_of(s, _Local(module), name, prop, False)
            result = Named(name, module, kind, models, expand)
        finally:
            self._resolving.pop()
        self._named[name] = result
        return result

    def value_of(self, name: str) -> T:
        """What a named non-class schema stands for (the right-hand side of its alias)."""
        s = self.schemas[name]
        local = _Local(naming.module_name(name))
        kind = self.kind(name)
        if kind == "enum":
            return Lit(tuple(s["enum"]))
        if kind == "dict":
            return FREE_OBJECT
        if kind == "file":
            return Prim("FileInput")
        if kind == "list":  # a named array: its item union is spelled out in the alias itself
            return ListOf(self.type_of(s["items"], local, name, "", False, top=True))
        return self.type_of(s, local, name, "", False, top=True)

    # -- object schemas ----------------------------------------------------------------------------
    def properties(self, name: str) -> dict[str, Any]:
        return flatten_properties(self.spec, self.schemas[name])

    def required(self, name: str) -> list[str]:
        s = self.schemas[name]
        names: list[str] = []
        for part in [s, *s.get("allOf", [])]:
            part = self.spec.resolve(part)
            if part is not s and "allOf" in part:
                names += [r for r in self.required_of(part) if r not in names]
            names += [r for r in part.get("required", []) if r not in names]
        return drop_undefined_required(name, names, self.properties(name))

    def required_of(self, s: dict[str, Any]) -> list[str]:
        names: list[str] = []
        for part in [s, *s.get("allOf", [])]:
            part = self.spec.resolve(part)
            names += [r for r in part.get("required", []) if r not in names]
        return names

    # -- any schema ----------------------------------------------------------------------------------
    def type_of(self, s: Any, local: _Local, parent: str, prop: str, multipart: bool, top: bool = False) -> T:
        """The type of schema `s`, found at `parent.prop`; anonymous enums and unions become aliases."""
        if "$ref" in s:
            name = ref_name(s["$ref"])
            if multipart and self.kind(name) == "file":
                return Prim("FileInput")
            target = self.named(name)
            if target.kind == "enum":
                return UnionOf((target, STR))
            return target
        if "const" in s:
            return Lit((s["const"],))
        variants = s.get("anyOf") or s.get("oneOf")
        if variants is not None:
            return self.union_of(s, variants, local, parent, prop, multipart, top)
        kind = s.get("type")
        if isinstance(kind, list):  # `type: [string, "null"]`
            members = [self.type_of({**s, "type": k}, local, parent, prop, multipart) for k in kind]
            return UnionOf(tuple(members))
        if "enum" in s:
            return self.enum_of(s, local, parent, prop, top)
        if kind == "string":
            if s.get("format") == "date-time":
                return Prim("datetime")
            if s.get("format") == "binary":
                return binary_outside_multipart(parent, prop) if not multipart else Prim("FileInput")
            return STR
        if kind == "integer":
            return Prim("int")
        if kind == "number":
            return Prim("float")
        if kind == "boolean":
            return Prim("bool")
        if kind == "null":
            return NONE
        if kind == "array":
            items = s.get("items")
            return ListOf(self.type_of(items, local, parent, prop, multipart) if items else ANY)
        if kind == "object" or "additionalProperties" in s or "properties" in s:
            if s.get("properties"):
                raise ValueError(f"{parent}.{prop}: an anonymous object with properties needs a class")
            extra = s.get("additionalProperties", True)
            if isinstance(extra, dict) and extra:
                return DictOf(self.type_of(extra, local, parent, prop, multipart))
            return FREE_OBJECT
        if not kind:
            return ANY
        raise ValueError(f"{parent}.{prop}: unsupported schema {s}")

    def enum_of(self, s: dict[str, Any], local: _Local, parent: str, prop: str, top: bool) -> T:
        values = tuple(s["enum"])
        if (parent, prop) in self.tag_props and len(values) == 1:
            return Lit(values)
        # `enum: [stop, length, null]` is a nullable open enum; `enum: [false]` is a constant, not a choice.
        nullable = None in values
        strings = tuple(v for v in values if v is not None)
        if not strings or not all(isinstance(v, str) for v in strings):
            return Lit(values)
        if top:
            return Lit(values)
        alias = self.alias(local, naming.member_name(parent, prop), Lit(strings), "alias-enum", None)
        return UnionOf((alias, STR, NONE)) if nullable else UnionOf((alias, STR))

    def union_of(
        self,
        s: dict[str, Any],
        variants: list[Any],
        local: _Local,
        parent: str,
        prop: str,
        multipart: bool,
        top: bool,
    ) -> T:
        # A tagged union directly inside another union stays inline (see nested_tagged_union_fallback).
        members = [self.type_of(v, local, parent, prop, multipart, top or "discriminator" in v) for v in variants]
        disc = s.get("discriminator")
        if disc is not None:
            named = [m for m in members if isinstance(m, Named) and m.kind == "model"]
            if len(named) != len(members):
                raise ValueError(f"{parent}.{prop}: a discriminator over non-object members")
            by_name = {n.name: n for n in named}
            mapping = tuple((tag, by_name[ref_name(ref)]) for tag, ref in disc["mapping"].items())
            tagged = Tagged(disc["propertyName"], mapping, tuple(named))
            if top:
                return tagged
            return self.alias(local, naming.member_name(parent, prop), tagged, "alias-tagged", None)
        flat: list[T] = []
        for m in members:
            flat.extend(m.members if isinstance(m, UnionOf) else [m])
        flat = nested_tagged_union_fallback(flat)
        union = UnionOf(tuple(dict.fromkeys(flat)))
        if len(union.members) == 1:
            return union.members[0]
        concrete = [m for m in union.members if m != NONE]
        if not top and len(concrete) >= 3 and all(not isinstance(m, Prim) for m in concrete):
            inner = UnionOf(tuple(concrete))
            alias = self.alias(local, naming.member_name(parent, prop), inner, "alias-union", None)
            return UnionOf((alias, NONE)) if NONE in union.members else alias
        return union

    def alias(self, local: _Local, name: str, value: T, kind: str, doc: str | None) -> Named:
        if name in self.schemas:
            raise ValueError(f"alias {name} (in {local.module}) would shadow the schema of that name")
        known = local.aliases.get(name)
        if known is not None and known != value:
            raise ValueError(f"{local.module}: two different types want the name {name}")
        local.aliases[name] = value
        local.docs[name] = doc
        return Named(name, local.module, kind, has_models(value), value)

    # -- plans -------------------------------------------------------------------------------------
    def model_module(self, name: str) -> ModelModule:
        kind = self.kind(name)
        s = self.schemas[name]
        module = naming.module_name(name)
        scope = Scope("models", module)
        if kind != "model":
            value = self.value_of(name)
            alias = Alias(name, scope.annotation(value), s.get("description"))
            return ModelModule(name, module, None, scope.import_lines(), (alias,), None, (name,))
        local = _Local(module)
        fields = self.fields(name, self.properties(name), self.required(name), local, scope, multipart=False)
        cls = ModelClass(name, s.get("description"), fields, closed=s.get("additionalProperties") is False)
        return self.module_of(name, module, None, scope, local, cls)

    def body_module(self, name: str, schema: dict[str, Any], multipart: bool, doc: str) -> ModelModule:
        """An anonymous request body, as a class named after the function (`FilesUploadBody`)."""
        module = naming.module_name(name)
        scope = Scope("models", module)
        local = _Local(module)
        props = flatten_properties(self.spec, schema)
        required = [r for r in schema.get("required", []) if r in props]
        fields = self.fields(name, props, required, local, scope, multipart)
        cls = ModelClass(name, schema.get("description"), fields, closed=schema.get("additionalProperties") is False)
        return self.module_of(name, module, doc, scope, local, cls)

    def module_of(
        self, name: str, module: str, doc: str | None, scope: Scope, local: _Local, cls: ModelClass
    ) -> ModelModule:
        aliases = tuple(Alias(n, scope.annotation(v), local.docs.get(n)) for n, v in local.aliases.items())
        scope.need("attrs", "")
        scope.need("..types", "Model")
        exports = (name, *local.aliases)
        return ModelModule(name, module, doc, scope.import_lines(), aliases, cls, exports)

    def fields(
        self,
        parent: str,
        props: dict[str, Any],
        required: list[str],
        local: _Local,
        scope: Scope,
        multipart: bool,
    ) -> tuple[Field, ...]:
        out = []
        for prop, s in props.items():
            t = self.type_of(s, local, parent, prop, multipart)
            if (parent, prop) in self.null_in_examples:
                t = UnionOf((*(t.members if isinstance(t, UnionOf) else (t,)), NONE))
            doc = s.get("description")
            if isinstance(t, Lit) and len(t.values) == 1 and (parent, prop) in self.tag_props:
                out.append(Field(prop, scope.annotation(t), _literal(t.values[0]), doc))
                continue
            annotation = scope.annotation(t)
            if prop in required:
                out.append(Field(prop, annotation, None, doc))
            else:
                scope.need("..types", "UNSET")
                scope.need("..types", "Unset")
                out.append(Field(prop, annotation + " | Unset", "UNSET", doc))
        return tuple(out)


def flatten_properties(spec: Spec, s: dict[str, Any]) -> dict[str, Any]:
    """The properties of an object schema, `allOf` parts merged in order (later parts win)."""
    out: dict[str, Any] = {}
    for part in s.get("allOf", []):
        out.update(flatten_properties(spec, spec.resolve(part)))
    out.update(s.get("properties", {}))
    return out


def drop_undefined_required(schema: str, required: list[str], properties: dict[str, Any]) -> list[str]:
    """Spec defect: `required` names a property the schema never defines.

    `ChatCompletionResponse` requires `data` (no such property; the server never sends it) and
    `SharingDelete` requires `level` (not defined; the server does not need it to delete a share).
    A field cannot be typed from nothing, so the name is dropped from `required`.
    """
    missing = [r for r in required if r not in properties]
    if missing:
        DEFECTS.append(f"{schema}: required {', '.join(missing)} never defined; dropped from required")
    return [r for r in required if r in properties]


def binary_outside_multipart(parent: str, prop: str) -> T:
    """Spec quirk: `format: binary` in a JSON body (`AudioChunk.input_audio`) can only be a string.

    JSON has no bytes; the API takes base64 text there, so the member is typed `str`.
    """
    return STR


def nested_tagged_union_fallback(members: list[T]) -> list[T]:
    """Spec quirk: a tagged union inside an untagged one (the `fine_tuning_jobs_create` response,
    `CompletionJobOut | ClassifierJobOut` by `job_type`, or `LegacyJobMetadataOut`).

    If the inner union kept its `dict` fallback it would take every body without a `job_type`,
    and `LegacyJobMetadataOut` would never be read; so the inner union has none there.
    """
    if len(members) < 2:
        return members
    return [Tagged(m.prop, m.mapping, m.members, fallback=False) if isinstance(m, Tagged) else m for m in members]


def tag_properties(spec: Spec) -> set[tuple[str, str]]:
    """(schema, property) pairs that tell union members apart.

    Every one-value enum (or `const`) property of a schema that is a member of some union
    (`oneOf`/`anyOf`, with or without a discriminator) is a tag: it is typed as a closed
    one-value `Literal` defaulting to that value, so that an untagged union can tell its members
    apart and a model built in Python carries its tag. Elsewhere enums stay open.
    """
    members: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("anyOf", "oneOf"):
                for v in node.get(key, []):
                    if isinstance(v, dict) and "$ref" in v:
                        members.add(ref_name(v["$ref"]))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(spec.doc)
    tags = set()
    for name in members:
        schema = spec.schemas[name]
        for prop, s in flatten_properties(spec, schema).items():
            if len(s.get("enum", ())) == 1 or "const" in s:
                tags.add((name, prop))
    return tags


def nullable_by_example(spec: Spec) -> set[tuple[str, str]]:
    """Spec defect: response examples with `null` where the schema allows no null.

    The files examples (`files_upload`, `files_list`, `files_retrieve`) show `"bytes": null`,
    which `UploadFileOut`, `FileSchema` and `RetrieveFileOut` type as a plain integer; the
    examples are what the server sends, so those properties are read (and typed) as nullable.
    """
    found: set[tuple[str, str]] = set()

    def walk(schema: Any, value: Any, name: str | None) -> None:
        if isinstance(schema, dict) and "$ref" in schema:
            walk(spec.resolve(schema), value, ref_name(schema["$ref"]))
            return
        if not isinstance(schema, dict):
            return
        if isinstance(value, dict):
            props = flatten_properties(spec, schema)
            for key, item in value.items():
                prop = props.get(key)
                if prop is None:
                    continue
                if item is None and name is not None and not _allows_null(spec, prop):
                    found.add((name, key))
                walk(prop, item, None)
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                walk(schema["items"], item, None)

    for item in spec.doc.get("paths", {}).values():
        for op in item.values():
            for status, response in (op.get("responses") or {}).items() if isinstance(op, dict) else ():
                content = (response.get("content") or {}).get("application/json") or {}
                for example in (content.get("examples") or {}).values():
                    if status.startswith("2"):
                        walk(content["schema"], example.get("value"), None)
    for key in sorted(found):
        DEFECTS.append(f"{key[0]}.{key[1]}: null in the spec's response examples; typed nullable")
    return found


def _allows_null(spec: Spec, s: dict[str, Any]) -> bool:
    s = spec.resolve(s)
    kind = s.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(_allows_null(spec, v) for v in s.get("anyOf", []) + s.get("oneOf", []))


DEFECTS: list[str] = []
"""Spec defects met while planning, printed by `python -m codegen`."""

KNOWN_EXTENSIONS = {
    # ShareEnum, EntityType: every enum here is open (`Literal[...] | str`) already.
    "x-speakeasy-unknown-values": "every enum is open",
    # JsonSchema.schema: the SDKs rename it `schema_definition`; API.md keeps the spec's names.
    "x-speakeasy-name-override": "the spec's property name is kept",
    # Tags: display names only.
    "x-displayName": "not used",
}


def vendor_extensions(spec: Spec) -> dict[str, int]:
    """The one place vendor `x-` extensions are read: each is counted and must have a decision.

    An extension not in `KNOWN_EXTENSIONS` stops the generator, so a new one gets looked at.
    """
    seen: dict[str, int] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str) and key.startswith("x-"):
                    seen[key] = seen.get(key, 0) + 1
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.doc)
    unknown = sorted(set(seen) - set(KNOWN_EXTENSIONS))
    if unknown:
        raise ValueError(f"vendor extensions without a decision in plan.KNOWN_EXTENSIONS: {unknown}")
    return seen


# ---------------------------------------------------------------------------------------------
# Operations

PER_CALL_OPTIONS: tuple[tuple[str, str], ...] = (
    ("retries", "RetryConfig | None"),
    ("timeout_ms", "int | None"),
    ("server_url", "str | None"),
    ("http_headers", "Mapping[str, str] | None"),
    ("cancel", "threading.Event | None"),
    ("deadline_ms", "int | None"),
    ("dry_run", "bool"),
)
"""The options every operation accepts after its own keywords, in `Call` order."""

GROUPS = (
    "agents",
    "audio.transcriptions",
    "batch.jobs",
    "beta.agents",
    "beta.conversations",
    "beta.libraries.accesses",
    "beta.libraries.documents",
    "beta.libraries",
    "chat",
    "classifiers",
    "embeddings",
    "files",
    "fim",
    "fine_tuning.jobs",
    "models",
    "ocr",
)
"""The namespaces of the official SDKs (`client.beta.libraries.documents.upload`)."""


@dataclass(frozen=True)
class Keyword:
    name: str
    annotation: str
    required: bool
    where: str
    """`path`, `query` or `body`."""
    doc: str | None
    default: str | None = None
    """`UNSET` for an optional keyword (its annotation then ends in `| Unset`), None if required."""
    comment: str = ""
    """A trailing comment: `# noqa: A002` where the spec's name shadows a builtin (`input`, `id`)."""


@dataclass(frozen=True)
class OperationPlan:
    name: str
    seed_name: str
    group: str
    summary: str
    module_doc: str
    docstring: str
    method: str
    path: str
    operation_id: str
    imports: tuple[str, ...]
    aliases: tuple[Alias, ...]
    error_alias: str
    error_value: str
    operation_args: tuple[tuple[str, str], ...]
    """`Operation(...)` keyword -> Python source, in print order."""
    keywords: tuple[Keyword, ...]
    options: tuple[tuple[str, str, str], ...]
    """Per-call options offered: (name, annotation, default)."""
    call_args: tuple[str, ...]
    path_args: tuple[tuple[str, str], ...]
    query_args: tuple[tuple[str, str], ...]
    body_args: tuple[tuple[str, str], ...]
    """Wire name -> Python source of the value (a keyword, or a constant the wire always carries)."""
    has_body: bool
    return_annotation: str
    creates: bool
    streaming: bool
    collisions: tuple[str, ...]
    response_type: str
    """What `Ok` holds, as printed in FUNCTIONS.md."""
    pages: "Paging | None" = None
    """How the operation pages, for list operations with `page` and `page_size` query parameters."""
    required_examples: tuple[tuple[str, Any], ...] = ()
    """Required keyword -> the spec's example value for it, where the spec gives one."""
    example: str = ""
    """The usage example shown in FUNCTIONS.md."""


class Operations:
    """Plans each row of operations.tsv; also yields the models for anonymous request bodies."""

    def __init__(self, spec: Spec, typer: Typer) -> None:
        self.spec = spec
        self.typer = typer
        self.body_models: list[ModelModule] = []

    def spec_operation(self, row: OperationRow) -> tuple[str, dict[str, Any]]:
        for path, item in self.spec.doc["paths"].items():
            for method, op in item.items():
                if isinstance(op, dict) and op.get("operationId") == row.operation_id:
                    if method.upper() != row.method or wire_path(path) != row.path:
                        raise ValueError(f"{row.python_name}: operations.tsv and the spec disagree on {path}")
                    return path, op
        raise ValueError(f"{row.python_name}: operationId {row.operation_id} is not in the spec")

    def plan(self, row: OperationRow) -> OperationPlan:
        spec_path, op = self.spec_operation(row)
        title = naming.operation_title(row.python_name)
        scope = Scope("funcs", row.python_name, title=title)
        local = _Local(row.python_name)
        typer = self.typer

        keywords: list[tuple[Keyword, int]] = []
        params: list[tuple[str, str]] = []
        json_query: list[str] = []
        path_args: list[tuple[str, str]] = []
        query_args: list[tuple[str, str]] = []
        body_args: list[tuple[str, str]] = []
        described = description_args(op.get("description", ""))
        order = 0
        for p in op.get("parameters", []):
            p = self.spec.resolve(p)
            schema = p.get("schema")
            if schema is None:
                (media, content), *_ = p["content"].items()
                schema = content["schema"]
                if media == "application/json":
                    json_query.append(p["name"])
            t = typer.type_of(schema, local, title, p["name"], False)
            required = bool(p.get("required"))
            field_type = scope.annotation(param_check_type(t)) + ("" if required else " | Unset")
            params.append((p["name"], field_type))
            doc = p.get("description") or schema.get("description") or described.get(p["name"])
            keywords.append((self.keyword(scope, p["name"], t, required, p["in"], with_default(doc, schema)), order))
            order += 1
            (path_args if p["in"] == "path" else query_args).append((p["name"], p["name"]))

        body_type = None
        files: list[str] = []
        fixed: dict[str, str] = {}
        request = op.get("requestBody")
        body_schema: dict[str, Any] | None = None
        if request is not None:
            (media, content), *_ = request["content"].items()
            multipart = media == "multipart/form-data"
            schema = content["schema"]
            if "$ref" in schema:
                body_named = typer.named(ref_name(schema["$ref"]))
                body_schema = self.spec.resolve(schema)
                props = typer.properties(body_named.name)
                required_props = typer.required(body_named.name)
            else:
                name = f"{title}Body"
                module = self.anonymous_body(name, schema, multipart, row)
                body_named = Named(name, module.module, "model", True)
                body_schema = schema
                props = flatten_properties(self.spec, schema)
                required_props = [r for r in schema.get("required", []) if r in props]
            body_type = scope.name(body_named)
            fixed = wire_constants(row, props)
            for prop, s in props.items():
                if prop in fixed:
                    body_args.append((prop, fixed[prop]))
                    continue
                t = typer.type_of(s, _Local(body_named.module), body_named.name, prop, multipart)
                if t == Prim("FileInput") or (isinstance(t, UnionOf) and Prim("FileInput") in t.members):
                    files.append(prop)
                tag = isinstance(t, Lit) and (body_named.name, prop) in typer.tag_props
                required = prop in required_props and not tag
                doc = with_default(s.get("description"), s)
                keywords.append((self.keyword(scope, prop, t, required, "body", doc), order))
                order += 1
                body_args.append((prop, prop))

        # Required first, then optional, each in spec order.
        ordered = [k for k, _ in sorted(keywords, key=lambda ko: (not ko[0].required, ko[1]))]
        names = [k.name for k in ordered]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"{row.python_name}: keywords {duplicates} appear twice (path/query/body clash)")
        option_names = [n for n, _ in PER_CALL_OPTIONS]
        collisions = tuple(n for n in names if n in option_names)
        options = tuple(
            (n, a, "False" if n == "dry_run" else "None") for n, a in PER_CALL_OPTIONS if n not in collisions
        )
        call_args = tuple(n for n, _ in PER_CALL_OPTIONS if n not in collisions)
        if "dry_run" in collisions and call_args[-1] != "deadline_ms":
            raise ValueError("Call takes its options positionally; only a trailing one may be left out")
        scope.need("..session", "Session")
        scope.need("..session", "RetryConfig")
        scope.need("collections.abc", "Mapping")
        scope.need("threading", "")
        scope.need(".._runtime.invoke", "Call")
        scope.need(".._runtime.invoke", "Operation")
        scope.need(".._runtime.invoke", "invoke")
        scope.need("..result", "Result")

        # Responses.
        ok: list[tuple[int, str]] = []
        response_t: str | None = None
        streaming = row.streaming
        events = None
        end = None
        collect = None
        accept = "application/json"
        responses = op.get("responses", {})
        for status in sorted(responses, key=str):
            code = int(status)
            if not 200 <= code < 300:
                continue
            content = responses[status].get("content") or {}
            if streaming:
                scope.need(".._runtime.streams", "EventStream")
                events = stream_event_model(row, content)
                event_name = scope.name(typer.named(events))
                ok.append((code, "EventStream"))
                response_t = f"EventStream[{event_name}]"
                accept = "text/event-stream"
                end = stream_end_marker(body_schema, self.spec)
                collect = stream_collect_model(row, content, responses)
                if collect:
                    collect = scope.name(typer.named(collect))
                continue
            if not content:
                ok.append((code, "None"))
                response_t = "None"
                continue
            if "application/octet-stream" in content:
                scope.need(".._runtime.streams", "BinaryResponse")
                ok.append((code, "BinaryResponse"))
                response_t = "BinaryResponse"
                accept = "application/octet-stream"
                continue
            schema = content["application/json"]["schema"]
            t = typer.type_of(schema, local, title, "response", False, top=True)
            if isinstance(t, (Tagged, UnionOf)) or (isinstance(t, ListOf) and isinstance(t.item, (Tagged, UnionOf))):
                alias_name = f"{title}Response"
                if alias_name not in local.aliases:
                    local.aliases[alias_name] = t
                text = alias_name
            else:
                text = scope.annotation(t)
            ok.append((code, text))
            if response_t not in (None, text):
                raise ValueError(f"{row.python_name}: success responses of different types")
            response_t = text
        if response_t is None:
            raise ValueError(f"{row.python_name}: no success response")
        errors = sorted(int(s) for s in responses if s.isdigit() and int(s) >= 400)
        if any(c != 422 for c in errors):
            raise ValueError(f"{row.python_name}: error responses other than 422: {errors}")
        scope.need("..errors", "CommonError")
        error_alias = f"{title}Error"
        if 422 in errors:
            scope.need("..errors", "HTTPValidationError")
            error_value = "HTTPValidationError | CommonError"
        else:
            error_value = "CommonError"
        if any(not k.required for k in ordered):
            scope.need("..types", "UNSET")
            scope.need("..types", "Unset")

        creates = creates_resource(self.spec, row, spec_path, op)
        args: list[tuple[str, str]] = [
            ("operation_id", _literal(row.operation_id)),
            ("method", _literal(row.method)),
            ("path", _literal(row.path)),
        ]
        if body_type:
            args.append(("body", body_type))
        args.append(("ok", "{" + ", ".join(f"{c}: {t}" for c, t in ok) + "}"))
        if 422 in errors:
            args.append(("errors", "{422: HTTPValidationError}"))
        if files:
            args.append(("files", f"frozenset({{{', '.join(_literal(f) for f in files)}}})"))
        if params:
            args.append(("params", "{" + ", ".join(f"{_literal(n)}: {t}" for n, t in params) + "}"))
        if json_query:
            args.append(("json_query", f"frozenset({{{', '.join(_literal(q) for q in json_query)}}})"))
        if accept != "application/json":
            args.append(("accept", _literal(accept)))
        if events:
            args.append(("events", scope.name(typer.named(events))))
        if end:
            args.append(("end_marker", _literal(end)))
        if collect:
            args.append(("collect_into", collect))
        if creates:
            args.append(("creates", "True"))
        pages = paging(self.spec, row, op)
        if pages is not None:
            scope.need(".._runtime.invoke", "Pages")
            args.append(("pages", pages.source()))

        aliases = tuple(Alias(n, scope.annotation(v)) for n, v in local.aliases.items()) + tuple(scope.aliases)
        summary = row.summary
        doc = operation_docstring(op, summary, ordered, collisions)
        return_annotation = f"Result[{response_t}, {error_alias}]"
        return OperationPlan(
            name=row.python_name,
            seed_name=row.seed_name,
            group=group_of(row.python_name),
            summary=summary,
            module_doc=f"{summary.rstrip('.')}: {row.method} {row.path}.",
            docstring=doc,
            method=row.method,
            path=row.path,
            operation_id=row.operation_id,
            imports=scope.import_lines(),
            aliases=aliases,
            error_alias=error_alias,
            error_value=error_value,
            operation_args=tuple(args),
            keywords=tuple(ordered),
            options=options,
            call_args=call_args,
            path_args=tuple(path_args),
            query_args=tuple(query_args),
            body_args=tuple(body_args),
            has_body=request is not None,
            return_annotation=return_annotation,
            creates=creates,
            pages=pages,
            streaming=streaming,
            collisions=collisions,
            response_type=response_t,
        )

    def keyword(self, scope: Scope, name: str, t: T, required: bool, where: str, doc: str | None) -> Keyword:
        annotation = scope.keyword(t)
        # The keyword is the spec's name (API.md), even where it shadows a builtin.
        comment = "# noqa: A002" if name in BUILTINS else ""
        tail = "," if required else " | Unset = UNSET,"
        if comment and len(f"    {name}: {annotation}{tail}  {comment}") > 120:
            # `ruff format` would split the annotation and carry the comment off the name's line.
            alias = naming.member_name(scope.title, name)
            scope.aliases.append(Alias(alias, annotation))
            annotation = alias
        if required:
            return Keyword(name, annotation, True, where, doc, None, comment)
        scope.need("..types", "UNSET")
        scope.need("..types", "Unset")
        return Keyword(name, annotation + " | Unset", False, where, doc, "UNSET", comment)

    def anonymous_body(self, name: str, schema: dict[str, Any], multipart: bool, row: OperationRow) -> ModelModule:
        doc = f"The request body of `{row.python_name}` ({row.method} {row.path}), which the spec leaves unnamed."
        module = self.typer.body_module(name, schema, multipart, doc)
        self.body_models.append(module)
        return module


def param_check_type(t: T) -> T:
    """The type a path or query parameter is checked against: its type without `None`.

    The encoder leaves a `None` query parameter out before checking it (API.md: "`None` and
    left-out parameters are not sent"), so `null` never needs to pass the check; and checking
    `datetime | None` as a union would not accept a `datetime` instance in the converter.
    """
    if isinstance(t, UnionOf) and NONE in t.members:
        rest = tuple(m for m in t.members if m != NONE)
        return rest[0] if len(rest) == 1 else UnionOf(rest)
    return t


def wire_path(path: str) -> str:
    """Spec quirk: streaming variants are listed under `/v1/conversations#stream`; the fragment is not sent."""
    return path.split("#", 1)[0]


def wire_constants(row: OperationRow, props: dict[str, Any]) -> dict[str, str]:
    """Values the wire always carries: `stream` is False in `chat_complete`, True in `chat_stream`.

    Each pair of operations shares a body schema (or has one per variant with `stream` pinned by
    an enum/const); the function decides the value, so it is not a keyword.
    """
    if "stream" not in props:
        return {}
    return {"stream": "True" if row.streaming else "False"}


def stream_event_model(row: OperationRow, content: dict[str, Any]) -> str:
    """The schema of one event of a streaming operation.

    Spec quirk: `POST /v1/agents/completions` declares no `text/event-stream` response, though
    `agents_stream` streams exactly what `chat_stream` does; its events are `CompletionEvent`.
    """
    stream = content.get("text/event-stream")
    if stream is None:
        if row.python_name == "agents_stream":
            return "CompletionEvent"
        raise ValueError(f"{row.python_name}: streams, but the spec gives no event schema")
    return ref_name(stream["schema"]["$ref"])


def stream_end_marker(body_schema: dict[str, Any] | None, spec: Spec) -> str | None:
    """`[DONE]` where the spec says the stream ends with `data: [DONE]` (chat, fim, agents).

    Only the completion request schemas say so, in the description of their `stream` property;
    the conversation and transcription streams end when the response ends.
    """
    if body_schema is None:
        return None
    props = flatten_properties(spec, body_schema)
    text = (props.get("stream") or {}).get("description", "")
    return "[DONE]" if "data: [DONE]" in text else None


def stream_collect_model(row: OperationRow, content: dict[str, Any], responses: dict[str, Any]) -> str | None:
    """The response a completion stream accumulates into: the JSON variant's 200 schema.

    Chat and fim declare both variants under one operation; `agents_stream` only declares the
    JSON one (`ChatCompletionResponse`). Conversation and transcription streams have no `collect()`.
    """
    json_content = (responses.get("200", {}).get("content") or {}).get("application/json")
    if json_content and "$ref" in json_content["schema"]:
        name = ref_name(json_content["schema"]["$ref"])
        if name.endswith("CompletionResponse"):
            return name
    return None


def creates_resource(spec: Spec, row: OperationRow, spec_path: str, op: dict[str, Any]) -> bool:
    """Whether the operation makes a new resource, so that it must not be retried blindly.

    The rule: a POST or PUT that sends an entity (it has a request body) to a collection, that is
    a path the spec also lists with GET and that does not end in a path parameter. Completions,
    embeddings, classifiers, OCR and transcriptions post to paths with no GET (they compute, not
    create); `beta_conversations_append` posts to `/v1/conversations/{conversation_id}`, a single
    resource; the alias PUT of `beta_agents_create_version_alias` sends no entity, only query
    parameters that point an alias at a version.
    """
    if row.method not in ("POST", "PUT") or "requestBody" not in op:
        return False
    path = wire_path(spec_path)
    if path.rstrip("/").endswith("}"):
        return False
    item = spec.doc["paths"].get(path, {})
    return "get" in item


@dataclass(frozen=True)
class Paging:
    """How a list operation pages; printed as the runtime's `Pages(...)`."""

    items: str | None
    """The response property holding one page's items; None where the response is the list itself."""
    total: str | None
    """Dotted path of the response property counting the items of all pages, where there is one."""
    page_size: int | None
    """The spec's default `page_size`: what the server uses when it is left out."""

    def source(self) -> str:
        args = [f"{name}={_literal(value)}" for name, value in vars(self).items() if value is not None]
        return f"Pages({', '.join(args)})"


def paging(spec: Spec, row: OperationRow, op: dict[str, Any]) -> Paging | None:
    """A list operation pages when it takes `page` and `page_size` query parameters.

    Pages count from 0 (the spec's default `page` everywhere). The items are the one array
    property of the 200 response (or the response itself, where it is an array: `beta_agents_list`);
    the total is its `total` property, or `total_items` of a nested object (`ListDocumentOut.pagination`).
    A paging operation whose response does not fit stops the generator, so a person decides.
    """
    query = {p["name"]: p for p in map(spec.resolve, op.get("parameters", [])) if p["in"] == "query"}
    if "page" not in query or "page_size" not in query:
        return None
    if query["page"].get("schema", {}).get("default", 0) != 0:
        raise ValueError(f"{row.python_name}: pages that do not count from 0")
    page_size = query["page_size"].get("schema", {}).get("default")
    schema = spec.resolve(op["responses"]["200"]["content"]["application/json"]["schema"])
    if schema.get("type") == "array":
        return Paging(None, None, page_size)
    props = {name: spec.resolve(s) for name, s in flatten_properties(spec, schema).items()}
    arrays = [name for name, s in props.items() if s.get("type") == "array"]
    if len(arrays) != 1:
        raise ValueError(f"{row.python_name}: pages, but its response has array properties {arrays}")
    total = "total" if "total" in props else None
    for name, s in props.items():
        if total is None and "total_items" in flatten_properties(spec, s):
            total = f"{name}.total_items"
    return Paging(arrays[0], total, page_size)


def group_of(python_name: str) -> str:
    """The SDK namespace an operation belongs to, from its name: `beta_libraries_documents_upload`
    -> `beta.libraries.documents` (longest matching prefix)."""
    for group in sorted(GROUPS, key=len, reverse=True):
        if python_name.startswith(group.replace(".", "_") + "_"):
            return group
    return python_name.split("_", 1)[0]  # an operation the SDKs do not have yet: its first word


_ARGS_BLOCK = re.compile(r"\n\s*Args:\s*\n(?P<body>(?:[ \t]+\S.*(?:\n|$))+)")


def description_args(description: str) -> dict[str, str]:
    """Spec quirk: `batch_jobs_get` documents its `inline` parameter in an `Args:` block of the
    operation description instead of on the parameter; it is moved to the parameter."""
    match = _ARGS_BLOCK.search(description)
    if not match:
        return {}
    out = {}
    for line in match.group("body").splitlines():
        name, _, text = line.strip().partition(":")
        out[name.strip()] = text.strip()
    return out


def _description_without_args(description: str) -> str:
    return _ARGS_BLOCK.sub("", description).strip()


def with_default(doc: str | None, schema: dict[str, Any]) -> str | None:
    """The description, plus `Default: ...` where the spec gives one (never a Python default)."""
    default = _schema_default(schema)
    if default is None:
        return doc
    text = (doc or "").strip()
    if text and not text.endswith((".", "!", "?", ")")):
        text += "."
    return f"{text} Default: {default}.".strip()


def _schema_default(schema: dict[str, Any]) -> str | None:
    if "default" not in schema:
        return None
    value = schema["default"]
    if value is None:
        return None  # `default: null` is the absence the keyword's UNSET already means
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return repr(value)
    return json.dumps(value, ensure_ascii=False).replace("true", "True").replace("false", "False")


def operation_docstring(op: dict[str, Any], summary: str, keywords: list[Keyword], collisions: tuple[str, ...]) -> str:
    lines = [summary if summary.endswith((".", "?", "!", ")")) else summary + "."]
    description = _description_without_args(op.get("description", "") or "")
    if description and _norm(description) != _norm(summary):
        lines += ["", description]
    if "dry_run" in collisions:
        lines += [
            "",
            "This operation has a `dry_run` parameter of its own, sent to the server; the per-call",
            "`dry_run` option (build the request without sending it) is not offered here.",
        ]
    described = [k for k in keywords if k.doc]
    if described:
        lines += ["", "Args:"]
        for k in described:
            first, *rest = (k.doc or "").strip().splitlines()
            lines.append(f"    {k.name}: {first}")
            lines += [f"        {line}" if line.strip() else "" for line in rest]
    return "\n".join(lines)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


# ---------------------------------------------------------------------------------------------
# The whole plan


@dataclass(frozen=True)
class Plan:
    sha256: str
    servers: tuple[tuple[str, str], ...]
    models: tuple[ModelModule, ...]
    operations: tuple[OperationPlan, ...]
    defects: tuple[str, ...]


def server_names(spec: Spec) -> tuple[tuple[str, str], ...]:
    """Spec quirk: the one server has no name; the SDKs call it `eu`."""
    servers = spec.doc.get("servers", [])
    if len(servers) != 1:
        raise ValueError("expected exactly one server in the spec")
    return (("eu", servers[0]["url"]),)


def make_plan(spec: Spec) -> Plan:
    DEFECTS.clear()
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
    return Plan(spec.sha256, server_names(spec), all_models, operations, tuple(dict.fromkeys(DEFECTS)))


def iter_creating(plan: Plan) -> Iterator[str]:
    return (op.name for op in plan.operations if op.creates)


def iter_paging(plan: Plan) -> Iterator[str]:
    return (op.name for op in plan.operations if op.pages is not None)
