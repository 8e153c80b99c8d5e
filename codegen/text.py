"""Docstrings of generated code: spec text wrapped to the line length, never reworded."""

import re
import textwrap

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
