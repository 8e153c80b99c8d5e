"""Partial JSON: the value a JSON text will have, read from its first pieces as they stream in.

`PartialJSON.feed(piece)` scans only the new characters (a small state machine: the open
containers, whether we are inside a string, the last offset where each container held only whole
values). `value()` cuts the text back to that offset, closes what is open, and lets the stdlib's C
parser read it. So each event costs one `json.loads` of the text so far, and no extra dependency
(benchmarks/partial_json.py measures it against jiter's partial mode).

What is not yet whole is left out: a key without its value, a number or `true`/`false`/`null`
that may still grow. The one exception is a string value being written: it is shown as far as it
has come, ending in `OPEN_STRING`, so that a reader can tell it is incomplete. Likewise an object
still open carries the key `OPEN_OBJECT`: a reader may fill in defaults only in closed objects.
"""

import json
import re
from typing import Any

OPEN_STRING = "\uffff"
"""Ends the one string that is still being written (a noncharacter: a model has no reason to send it)."""
OPEN_OBJECT = OPEN_STRING
"""A key present (with the value 0) in each object that is still open."""
_OPEN_MEMBER = json.dumps(OPEN_OBJECT) + ":0"

_STRING_BODY = re.compile(r'[^"\\]*')
_WHITESPACE = " \t\r\n"


class PartialJSON:
    """Feed pieces of one JSON text; read the value known so far after each."""

    __slots__ = ("_checkpoints", "_closers", "_escape", "_in_string", "_is_key", "_opened", "_string_start", "text")

    def __init__(self) -> None:
        self.text = ""
        self._closers: list[str] = []  # "}" or "]" per open container
        self._checkpoints: list[int] = []  # per open container: the text is whole up to here
        self._opened: list[int] = []  # per open container: the offset just after its bracket
        self._in_string = False
        self._escape = False
        self._is_key = False
        self._string_start = 0

    def feed(self, piece: str) -> None:
        start = len(self.text)
        self.text += piece
        self._scan(start)

    def _scan(self, i: int) -> None:
        text = self.text
        end = len(text)
        closers = self._closers
        checkpoints = self._checkpoints
        while i < end:
            if self._in_string:
                if self._escape:
                    self._escape = False
                    i += 1
                    continue
                i = _STRING_BODY.match(text, i).end()  # type: ignore[union-attr]  # always matches
                if i >= end:
                    break
                if text[i] == "\\":
                    self._escape = True
                else:  # the closing quote
                    self._in_string = False
                    if not self._is_key and checkpoints:
                        checkpoints[-1] = i + 1
                i += 1
                continue
            c = text[i]
            if c == '"':
                self._in_string = True
                self._string_start = i
                # A key is a string that opens an object's member: right after "{" or ",".
                self._is_key = bool(closers) and closers[-1] == "}" and _previous(text, i) in "{,"
            elif c == "{" or c == "[":
                closers.append("}" if c == "{" else "]")
                checkpoints.append(i + 1)
                self._opened.append(i + 1)
            elif c == "}" or c == "]":
                if closers:
                    closers.pop()
                    checkpoints.pop()
                    self._opened.pop()
                    if checkpoints:
                        checkpoints[-1] = i + 1
            elif c not in _WHITESPACE and c not in ",:" and checkpoints:
                # A number or a literal: whole once a delimiter follows it.
                j = i + 1
                while j < end and text[j] not in ",}] \t\r\n":
                    j += 1
                if j < end:
                    checkpoints[-1] = j
                i = j
                continue
            i += 1

    def value(self) -> Any:
        """The value so far (None before the first container opens); raises ValueError on text that is not JSON."""
        if not self._closers:
            text = self.text.strip()
            return json.loads(text) if text else None
        if self._in_string and not self._is_key:
            head = _drop_partial_escape(self.text, self._string_start) + OPEN_STRING + '"'
            empty = False
        else:
            head = self.text[: self._checkpoints[-1]]
            empty = self._checkpoints[-1] == self._opened[-1]
        # Only the innermost container can be empty: each outer one holds the next as a member.
        tail = []
        for closer in reversed(self._closers):
            if closer == "}":
                tail.append(_OPEN_MEMBER if empty else "," + _OPEN_MEMBER)
            tail.append(closer)
            empty = False
        return json.loads(head + "".join(tail))


def _previous(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in _WHITESPACE:
        j -= 1
    return text[j] if j >= 0 else ""


def _drop_partial_escape(body: str, string_start: int) -> str:
    """Cut a trailing escape that has not arrived whole (`\\` or `\\u12`)."""
    cut = body.rfind("\\", max(string_start, len(body) - 6))  # an escape is at most 6 characters
    if cut < 0:
        return body
    start = cut
    while start > string_start and body[start - 1] == "\\":
        start -= 1
    if (cut - start) % 2 == 1:  # the last backslash is itself escaped: nothing pending
        return body
    escape = body[cut:]
    if escape == "\\" or (escape.startswith("\\u") and len(escape) < 6):
        return body[:cut]
    return body
