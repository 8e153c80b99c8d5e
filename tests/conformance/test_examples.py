"""The spec's 15 success-response examples against their own schemas: which do not fit, why,
and what the client must answer for each (test_prism.py asserts that answer through Prism).

JSON Schema (2020-12, as Prism checks) rejects 9 of them. Under docs/API.md's reading rules (a
missing required property reads as absent, an unknown union tag stays a plain dict) and the
generator's choice to read what the examples show as null as nullable (`"bytes": null`), only 2
cannot be read at all: those must give `Err(ResponseValidationError)`; the other 7 read as `Ok`.
"""

from typing import Any

import pytest

from . import spec

pytestmark = pytest.mark.needs_spec

NOT_FITTING: dict[str, tuple[str, list[tuple[str, str]], bool]] = {
    # operation: (why it does not fit, strict errors as (JSON path, keyword), client refuses it)
    "models_list": (
        "a bare array of model cards, where ModelList is an object {object, data}",
        [("$", "type")],
        True,
    ),
    "models_retrieve": (
        "the tag key is spelled `TYPE`, so there is no `type`: the card fits both BaseModelCard and "
        "FTModelCard, and oneOf wants exactly one (read: an unknown tag, kept as a plain dict)",
        [("$", "oneOf")],
        False,
    ),
    "files_upload": (
        '`"bytes": null`, where UploadFileOut.bytes is an integer (read as nullable, as the example shows)',
        [("$.bytes", "type")],
        False,
    ),
    "files_list": (
        '`"bytes": null` in each FileSchema of `data`, and ids like "<your_file_id>" that are not uuids',
        [("$.data.0.bytes", "type"), ("$.data.0.id", "format"), ("$.data.1.bytes", "type"), ("$.data.1.id", "format")],
        False,
    ),
    "files_retrieve": (
        '`"bytes": null`, where RetrieveFileOut.bytes is an integer (read as nullable, as the example shows)',
        [("$.bytes", "type")],
        False,
    ),
    "fim_complete": (
        "no `data`, which FIMCompletionResponse requires but never defines (read: absent)",
        [("$", "required")],
        False,
    ),
    "agents_complete": (
        "usage.prompt_audio_seconds is {} where the schema says integer or null; also no `data` "
        "(required by ChatCompletionResponse, never defined)",
        [("$", "required"), ("$.usage.prompt_audio_seconds", "anyOf")],
        True,
    ),
    "embeddings_create": (
        "no `id`, which EmbeddingResponse requires (read: absent)",
        [("$", "required")],
        False,
    ),
    "ocr_process": (
        "pages[2].dimensions is {}, where OCRPageDimensions requires dpi, height and width (read: absent)",
        [("$.pages.2.dimensions", "anyOf")],
        False,
    ),
}


def _examples() -> dict[str, tuple[Any, str]]:
    """operation -> (example, schema pointer), once per spec operation (a streaming twin shares it)."""
    out: dict[str, tuple[Any, str]] = {}
    seen = set()
    for op in spec.operations():
        for _, value, pointer in op.examples():
            if pointer not in seen:
                seen.add(pointer)
                out[op.python_name] = (value, pointer)
    return out


def _path(error: Any) -> str:
    return "$" + "".join(f".{p}" for p in error.absolute_path)


def test_the_spec_has_15_examples_and_9_do_not_fit() -> None:
    """Plain JSON Schema validation rejects exactly the 9 examples listed, for the reasons listed."""
    examples = _examples()
    assert len(examples) == 15
    failing = {}
    for name, (value, pointer) in examples.items():
        errors = spec.strict_errors(pointer, value)
        if errors:
            failing[name] = sorted((_path(e), e.validator) for e in errors)
    assert failing == {name: sorted(errors) for name, (_, errors, _) in NOT_FITTING.items()}


def test_only_the_unreadable_examples_must_be_refused() -> None:
    """Under the lenient reading rules, only the examples marked so cannot be read at all."""
    examples = _examples()
    refused = {name for name, (value, pointer) in examples.items() if spec.lenient_errors(pointer, value)}
    assert refused == {name for name, (_, _, refuse) in NOT_FITTING.items() if refuse}
    assert refused == {"models_list", "agents_complete"}
