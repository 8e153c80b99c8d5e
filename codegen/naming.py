"""Names: the one place that turns spec names into Python module, class and alias names."""

import keyword
import re

_ACRONYM_THEN_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_THEN_UPPER = re.compile(r"([a-z0-9])([A-Z])")


def module_name(schema_name: str) -> str:
    """A schema name as a module name: acronyms split once, never squashed.

    `FTModelCard` -> `ft_model_card`, `ChatCompletionRequest` -> `chat_completion_request`,
    `OCRRequest` -> `ocr_request`, `ImageURLChunk` -> `image_url_chunk`.
    """
    name = _ACRONYM_THEN_WORD.sub(r"\1_\2", schema_name)
    name = _LOWER_THEN_UPPER.sub(r"\1_\2", name)
    name = name.replace("-", "_").lower()
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"schema {schema_name!r} gives no usable module name ({name!r})")
    return name


def pascal(snake: str) -> str:
    """`files_upload` -> `FilesUpload`; `job_type` -> `JobType`."""
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_") if part)


def member_name(parent: str, field: str) -> str:
    """What an anonymous enum or union inside `parent.field` is called: `<Parent><Field>`."""
    return parent + pascal(field)


def operation_title(python_name: str) -> str:
    """The Pascal-case stem of names derived from an operation: `ModelsRetrieve`."""
    return pascal(python_name)
