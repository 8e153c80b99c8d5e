"""Models: the `Typer` turns schemas into type trees, and each schema into one model module plan."""

from dataclasses import dataclass, field
from typing import Any

from . import naming
from .quirks import binary_outside_multipart, drop_undefined_required, nested_tagged_union_fallback, nullable_by_example
from .spec import Spec, flatten_properties, ref_name
from .typetree import (
    ANY,
    FREE_OBJECT,
    NONE,
    STR,
    Alias,
    DictOf,
    ListOf,
    Lit,
    Named,
    Prim,
    Scope,
    T,
    Tagged,
    UnionOf,
    has_models,
    literal,
)


@dataclass(frozen=True)
class Field:
    name: str
    annotation: str
    default: str | None
    """Python source of the default, or None for a required field."""
    doc: str | None


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
class Local:
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
        self.null_in_examples, found = nullable_by_example(spec)
        self.defects: list[str] = list(found)
        """Spec defects met while typing, in the order met (`drop_undefined_required` may repeat one)."""
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
                    self.type_of(s, Local(module), name, prop, False)
            result = Named(name, module, kind, models, expand)
        finally:
            self._resolving.pop()
        self._named[name] = result
        return result

    def value_of(self, name: str) -> T:
        """What a named non-class schema stands for (the right-hand side of its alias)."""
        s = self.schemas[name]
        local = Local(naming.module_name(name))
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
        kept, defect = drop_undefined_required(name, names, self.properties(name))
        if defect is not None:
            self.defects.append(defect)
        return kept

    def required_of(self, s: dict[str, Any]) -> list[str]:
        names: list[str] = []
        for part in [s, *s.get("allOf", [])]:
            part = self.spec.resolve(part)
            names += [r for r in part.get("required", []) if r not in names]
        return names

    # -- any schema ----------------------------------------------------------------------------------
    def type_of(self, s: Any, local: Local, parent: str, prop: str, multipart: bool, top: bool = False) -> T:
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

    def enum_of(self, s: dict[str, Any], local: Local, parent: str, prop: str, top: bool) -> T:
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
        local: Local,
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

    def alias(self, local: Local, name: str, value: T, kind: str, doc: str | None) -> Named:
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
        local = Local(module)
        fields = self.fields(name, self.properties(name), self.required(name), local, scope, multipart=False)
        cls = ModelClass(name, s.get("description"), fields, closed=s.get("additionalProperties") is False)
        return self.module_of(name, module, None, scope, local, cls)

    def body_module(self, name: str, schema: dict[str, Any], multipart: bool, doc: str) -> ModelModule:
        """An anonymous request body, as a class named after the function (`FilesUploadBody`)."""
        module = naming.module_name(name)
        scope = Scope("models", module)
        local = Local(module)
        props = flatten_properties(self.spec, schema)
        required = [r for r in schema.get("required", []) if r in props]
        fields = self.fields(name, props, required, local, scope, multipart)
        cls = ModelClass(name, schema.get("description"), fields, closed=schema.get("additionalProperties") is False)
        return self.module_of(name, module, doc, scope, local, cls)

    def module_of(
        self, name: str, module: str, doc: str | None, scope: Scope, local: Local, cls: ModelClass
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
        local: Local,
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
                out.append(Field(prop, scope.annotation(t), literal(t.values[0]), doc))
                continue
            annotation = scope.annotation(t)
            if prop in required:
                out.append(Field(prop, annotation, None, doc))
            else:
                scope.need("..types", "UNSET")
                scope.need("..types", "Unset")
                out.append(Field(prop, annotation + " | Unset", "UNSET", doc))
        return tuple(out)


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
