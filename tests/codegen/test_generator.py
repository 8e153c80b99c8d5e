"""The generator on a tiny inline spec: generate into a temporary package, import it, look."""

import importlib
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import mistral_fn
from codegen import naming, operations, plan, quirks, spec
from codegen.__main__ import generate
from tests.loopback import Loopback

TINY_SPEC = """
openapi: 3.1.0
info: {title: tiny, version: "1"}
servers:
  - url: https://tiny.example
paths:
  /v1/pets:
    get:
      summary: List Pets
      operationId: list_pets_v1_pets_get
      parameters:
        - name: kind
          in: query
          required: false
          schema: {anyOf: [{$ref: '#/components/schemas/Kind'}, {type: 'null'}]}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
    post:
      summary: Create Pet
      description: Create a pet in the shop.
      operationId: create_pet_v1_pets_post
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/PetIn'}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                oneOf:
                  - $ref: '#/components/schemas/Cat'
                  - $ref: '#/components/schemas/Dog'
                discriminator:
                  propertyName: type
                  mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}
        '422':
          description: Validation Error
          content:
            application/json:
              schema: {$ref: '#/components/schemas/HTTPValidationError'}
components:
  schemas:
    Kind:
      type: string
      enum: [cat, dog]
    Named:
      type: object
      properties:
        name: {type: string, description: 'The name, as C:\\\\pets says'}
      required: [name]
    Cat:
      allOf:
        - $ref: '#/components/schemas/Named'
        - type: object
          properties:
            type: {type: string, enum: [cat], default: cat}
            lives: {anyOf: [{type: integer}, {type: 'null'}]}
          required: [lives]
    Dog:
      type: object
      additionalProperties: false
      description: A dog.
      properties:
        type: {type: string, enum: [dog], default: dog}
        name: {type: string}
        size: {type: string, enum: [small, big], description: How big.}
        born: {type: string, format: date-time}
      required: [name]
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: type
        mapping: {cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog'}
    PetIn:
      type: object
      properties:
        pet: {$ref: '#/components/schemas/Pet'}
        tags: {type: array, items: {type: string}, default: []}
      required: [pet]
    ValidationError:
      type: object
      properties:
        loc: {type: array, items: {anyOf: [{type: string}, {type: integer}]}}
        msg: {type: string}
        type: {type: string}
      required: [loc, msg, type]
    HTTPValidationError:
      type: object
      properties:
        detail: {type: array, items: {$ref: '#/components/schemas/ValidationError'}}
"""

TINY_OPERATIONS = (
    "python_name\tseed_name\tmethod\tpath\toperation_id\tstreaming\tsummary\n"
    "pets_list\tpetsList\tGET\t/v1/pets\tlist_pets_v1_pets_get\t\tList Pets\n"
    "pets_create\tpetsCreate\tPOST\t/v1/pets\tcreate_pet_v1_pets_post\t\tCreate Pet\n"
)


def write_tiny(tmp: Path, text: str = TINY_SPEC) -> spec.Spec:
    (tmp / "tiny.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp / "operations.tsv").write_text(TINY_OPERATIONS, encoding="utf-8")
    return spec.load(tmp / "tiny.yaml")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The runtime copied as package `tinyfn`, with models and funcs generated from TINY_SPEC."""
    tmp = tmp_path_factory.mktemp("tiny")
    source = Path(mistral_fn.__file__).parent
    shutil.copytree(source, tmp / "tinyfn", ignore=shutil.ignore_patterns("models", "funcs", "__pycache__"))
    generate(tmp, write_tiny(tmp), quiet=True)
    # `generate` writes under <root>/mistral_fn; the copy is the package under test.
    shutil.copytree(tmp / "mistral_fn", tmp / "tinyfn", dirs_exist_ok=True)
    sys.path.insert(0, str(tmp))
    try:
        yield importlib.import_module("tinyfn")
    finally:
        sys.path.remove(str(tmp))
        for name in [m for m in sys.modules if m == "tinyfn" or m.startswith("tinyfn.")]:
            del sys.modules[name]


def model(tiny: ModuleType, name: str) -> Any:
    return getattr(importlib.import_module("tinyfn.models"), name)


def test_object_schema_is_an_attrs_model(tiny: ModuleType) -> None:
    """An object schema becomes a kw_only attrs class with required and UNSET-defaulted fields."""
    dog = model(tiny, "Dog")
    fields = attrs.fields_dict(dog)
    assert fields["name"].default is attrs.NOTHING
    assert repr(fields["born"].default) == "UNSET"
    assert dog(name="Rex").type == "dog"
    assert dog.__doc__ == "A dog."


def test_closed_schema_is_marked(tiny: ModuleType) -> None:
    """`additionalProperties: false` sets `_closed`; other schemas stay open."""
    assert model(tiny, "Dog")._closed is True
    assert model(tiny, "Cat")._closed is False


def test_all_of_is_flattened(tiny: ModuleType) -> None:
    """`allOf` parts are merged into one class, required lists included."""
    fields = attrs.fields_dict(model(tiny, "Cat"))
    assert set(fields) == {"name", "type", "lives", "extra_fields"}
    assert fields["lives"].default is attrs.NOTHING  # required and nullable: `int | None`, no default


def test_required_nullable_field_has_no_default(tiny: ModuleType) -> None:
    """A required nullable property is `X | None` without a default."""
    source = (Path(tiny.__file__).parent / "models" / "cat.py").read_text()
    assert "lives: int | None\n" in source


def test_named_enum_is_a_literal_and_fields_are_open(tiny: ModuleType) -> None:
    """A named enum is a `Literal` alias; a field of that enum also takes any string."""
    source = (Path(tiny.__file__).parent / "models" / "kind.py").read_text()
    assert 'Kind = Literal["cat", "dog"]' in source
    dog_source = (Path(tiny.__file__).parent / "models" / "dog.py").read_text()
    assert 'DogSize = Literal["small", "big"]' in dog_source
    assert "size: DogSize | str | Unset = UNSET" in dog_source


def test_tagged_union_reads_by_tag_and_keeps_unknown_tags(tiny: ModuleType) -> None:
    """A discriminated union picks the member by tag; an unknown tag stays a plain dict."""
    from tinyfn._runtime import convert

    pet = model(tiny, "Pet")
    assert type(convert.read({"type": "cat", "name": "Tom", "lives": 9}, pet)).__name__ == "Cat"
    assert convert.read({"type": "fish", "name": "Nemo"}, pet) == {"type": "fish", "name": "Nemo"}


def test_backslash_makes_a_raw_docstring(tiny: ModuleType) -> None:
    """Spec text with a backslash is copied verbatim into a raw docstring."""
    source = (Path(tiny.__file__).parent / "models" / "named.py").read_text()
    assert 'r"""The name, as C:\\\\pets says"""' in source


def test_operation_round_trip_on_the_wire(tiny: ModuleType) -> None:
    """The generated operation sends its body and reads the tagged response union."""
    with Loopback() as server:
        server.reply(200, {"type": "dog", "name": "Rex", "born": "2020-01-02T03:04:05Z"})
        session = tiny.Session(api_key="sk-test", server_url=server.url)
        result = tiny.pets_create(session, pet={"type": "dog", "name": "Rex"}, tags=["good"])
        assert server.requests[0].json() == {"pet": {"type": "dog", "name": "Rex"}, "tags": ["good"]}
    assert result.ok
    assert type(result.value).__name__ == "Dog"
    assert result.value.born.year == 2020


def test_query_enum_and_list_response(tiny: ModuleType) -> None:
    """An optional query parameter left out is not sent; a list response reads as models."""
    with Loopback() as server:
        server.reply(200, [{"type": "cat", "name": "Tom", "lives": 9}])
        server.reply(200, [])
        session = tiny.Session(api_key="sk-test", server_url=server.url)
        listed = tiny.pets_list(session)
        tiny.pets_list(session, kind="dog")
        assert server.requests[0].query == []
        assert server.requests[1].query == [("kind", "dog")]
    assert [type(p).__name__ for p in listed.unwrap()] == ["Cat"]


def test_operation_module_reads_like_the_style_guide(tiny: ModuleType) -> None:
    """Error alias, `OPERATION` table, keywords with spec defaults in the docstring."""
    source = (Path(tiny.__file__).parent / "funcs" / "pets_create.py").read_text()
    assert source.startswith('"""Create Pet: POST /v1/pets."""')
    assert "PetsCreateError = HTTPValidationError | CommonError" in source
    assert "PetsCreateResponse = Annotated[" in source
    assert "tags: Sequence[str] | Unset = UNSET," in source
    assert "tags: Default: []." in source
    assert "creates=True" in source  # a POST with a body to a collection the spec also GETs


def test_servers_and_hash(tiny: ModuleType) -> None:
    """`_spec.py` carries the spec's server as "eu" and the spec's sha256."""
    from tinyfn.funcs import _spec

    assert _spec.SERVERS == {"eu": "https://tiny.example"}
    assert len(_spec.SPEC_SHA256) == 64


def test_reference_cycle_stops_the_generator(tmp_path: Path) -> None:
    """A schema that refers back to itself is an error, not a hang or a string annotation."""
    cyclic = TINY_SPEC.replace(
        "born: {type: string, format: date-time}",
        "born: {type: string, format: date-time}\n        friend: {$ref: '#/components/schemas/Dog'}",
    )
    with pytest.raises(ValueError, match="reference cycle"):
        plan.make_plan(write_tiny(tmp_path, cyclic))


@pytest.mark.parametrize(
    ("schema", "module"),
    [
        ("FTModelCard", "ft_model_card"),
        ("ChatCompletionRequest", "chat_completion_request"),
        ("OCRRequest", "ocr_request"),
        ("ImageURLChunk", "image_url_chunk"),
        ("HTTPValidationError", "http_validation_error"),
        ("SSETypes", "sse_types"),
        ("FileSignedURL", "file_signed_url"),
        ("Agent", "agent"),
    ],
)
def test_module_names(schema: str, module: str) -> None:
    """Acronyms are split once, never squashed."""
    assert naming.module_name(schema) == module


def test_groups_are_the_sdk_namespaces() -> None:
    """The longest matching namespace wins."""
    assert operations.group_of("beta_libraries_documents_upload") == "beta.libraries.documents"
    assert operations.group_of("beta_libraries_create") == "beta.libraries"
    assert operations.group_of("fine_tuning_jobs_create") == "fine_tuning.jobs"
    assert operations.group_of("models_archive") == "models"


PAGED = TINY_SPEC.replace(
    "      parameters:\n        - name: kind",
    "      parameters:\n"
    "        - {name: page, in: query, schema: {type: integer, default: PAGE}}\n"
    "        - {name: page_size, in: query, schema: {type: integer, default: 20}}\n"
    "        - name: kind",
)


def test_list_operation_with_page_and_page_size_is_marked(tmp_path: Path) -> None:
    """`pages` records the default page size; a list response is itself the page's items."""
    plans = {op.name: op for op in plan.make_plan(write_tiny(tmp_path, PAGED.replace("PAGE", "0"))).operations}
    assert plans["pets_list"].pages == operations.Paging(items=None, total=None, page_size=20)
    assert ("pages", "Pages(page_size=20)") in plans["pets_list"].operation_args
    assert plans["pets_create"].pages is None


def test_pages_not_counting_from_zero_stop_the_generator(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="count from 0"):
        plan.make_plan(write_tiny(tmp_path, PAGED.replace("PAGE", "1")))


def test_defects_are_returned_with_the_plan(tmp_path: Path) -> None:
    """A spec defect comes back in `Plan.defects`, once, and a clean spec's plan has none."""
    broken = TINY_SPEC.replace("      required: [pet]", "      required: [pet, owner]")
    assert plan.make_plan(write_tiny(tmp_path, broken)).defects == (
        "PetIn: required owner never defined; dropped from required",
    )
    assert plan.make_plan(write_tiny(tmp_path)).defects == ()


def test_every_quirk_lives_in_quirks_and_is_listed() -> None:
    """`python -m codegen` lists `quirks.QUIRKS`: it must hold every workaround, and no other
    generator module may hold one."""
    here = Path(quirks.__file__).parent
    for path in here.glob("*.py"):
        if path.name != "quirks.py":
            text = path.read_text(encoding="utf-8")
            assert "Spec quirk:" not in text and "Spec defect:" not in text, path.name
    workarounds = {
        name
        for name, value in vars(quirks).items()
        if callable(value) and any(w in (value.__doc__ or "") for w in ("Spec quirk:", "Spec defect:"))
    }
    assert workarounds <= {q.__name__ for q in quirks.QUIRKS}
    assert all(getattr(quirks, q.__name__) is q for q in quirks.QUIRKS)
    assert len(quirks.summaries()) == len(quirks.QUIRKS)
