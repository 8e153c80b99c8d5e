"""Every model of the spec survives writing to JSON and reading back.

Values are made in the test from the spec itself (`samples.py`): one with every property, one
with the required ones only, and each example the spec gives for a schema.
"""

from typing import Any

import attrs
import pytest

import mistral_fn.models as models
from mistral_fn._runtime import convert
from mistral_fn.types import UNSET, Model
from tests.codegen.samples import load, schema_sample
from tests.not_run import skip_module_without_spec

skip_module_without_spec()

SCHEMAS = list(load().schemas)
CLASSES = [name for name in SCHEMAS if attrs.has(getattr(models, name))]  # not the aliases: list[X] is a type on 3.10
EXAMPLES = [
    (name, i, example)
    for name, schema in load().schemas.items()
    for i, example in enumerate(schema.get("examples") or [])
    if isinstance(example, dict)
]


def test_every_schema_is_exported() -> None:
    """`mistral_fn.models.NAME` exists for every schema of the spec."""
    assert set(SCHEMAS) <= set(models.__all__)
    assert len(CLASSES) >= 160


@pytest.mark.parametrize("name", SCHEMAS)
def test_full_value_round_trips(name: str) -> None:
    """A value with every property is accepted, written back unchanged and read back equal."""
    t = getattr(models, name)
    data = schema_sample(name, full=True)
    value = convert.check(data, t)
    written = convert.to_json(value)
    assert written == data
    assert convert.read(written, t) == value


@pytest.mark.parametrize("name", CLASSES)
def test_minimal_value_round_trips(name: str) -> None:
    """A value with only the required properties round-trips; left-out fields stay UNSET."""
    cls: type[Model] = getattr(models, name)
    data = schema_sample(name, full=False)
    value = convert.check(data, cls)
    written = convert.to_json(value)
    assert convert.read(written, cls) == value
    unset = [f.name for f in attrs.fields(cls) if f.name not in written and f.name != "extra_fields"]
    assert all(getattr(value, f) is UNSET for f in unset)


@pytest.mark.parametrize(("name", "index", "example"), EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_spec_examples_round_trip(name: str, index: int, example: Any) -> None:
    """The examples the spec gives for a schema read as the model and write back unchanged."""
    t = getattr(models, name)
    value = convert.read(example, t)
    assert not isinstance(value, dict)
    assert convert.to_json(value) == example


def test_unknown_properties_are_kept() -> None:
    """A property the spec does not name lands in `extra_fields` and is written back."""
    data = {**schema_sample("UsageInfo"), "cached_tokens": 3}
    value = convert.read(data, models.UsageInfo)
    assert value.extra_fields == {"cached_tokens": 3}
    assert convert.to_json(value) == data
