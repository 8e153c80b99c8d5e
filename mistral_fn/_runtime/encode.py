"""Turn an operation's keyword arguments into a path, a query string and a body."""

import datetime as dt
import errno
import io
import json
import mimetypes
import os
from collections.abc import Callable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

from ..types import UNSET
from . import convert

if TYPE_CHECKING:
    from ..session import Provider
    from .operation import Operation

# RFC 3986 pchar minus what quote() keeps anyway: a model id such as ft:open-mistral-7b:abc goes out as is.
_PATH_SAFE = "!$&'()*+,;=:@"
_QUERY_SAFE = "!$'()*,;:@/?"
_CHUNK = 64 * 1024


class EncodedRequest:
    """The encoded parts of a request; `body()` gives a fresh body for every attempt."""

    __slots__ = ("_data", "_parts", "_stream", "content_type", "length", "path_and_query")

    def __init__(
        self,
        path_and_query: str,
        content_type: str | None = None,
        data: bytes | None = None,
        parts: "Multipart | None" = None,
    ) -> None:
        self.path_and_query = path_and_query
        self.content_type = content_type
        self._data = data
        self._parts = parts
        self.length = len(data) if data is not None else parts.length if parts is not None else None
        self._stream: Iterator[bytes] | None = None

    def body(self) -> bytes | Iterator[bytes] | None:
        if self._parts is not None:
            self._stream = self._parts.stream()
            return self._stream
        return self._data

    def rewind(self) -> None:
        """Put file objects back where they started, so a retry sends the same bytes."""
        if self._parts is not None:
            self._parts.rewind()

    def can_send_again(self, sent: object) -> bool:
        """Whether `sent` is the streamed body this request gave last, and `rewind` brings all of it back
        (every file's size is known: a path, bytes or a seekable file; a pipe is read only once)."""
        return sent is not None and sent is self._stream and self.length is not None


def encode_request(
    op: "Operation",
    path: Mapping[str, Any],
    query: Mapping[str, Any],
    body: Mapping[str, Any] | None,
    provider: "Provider | None" = None,
) -> EncodedRequest:
    """Check and encode the caller's arguments. Raises `convert.ConversionError` naming the field,
    or `ProviderRefusal` when the session's cloud provider cannot serve the call."""
    url = op.path
    for name, value in path.items():
        _checked(op, name, value)
        url = url.replace("{" + name + "}", _path_segment(name, value))
    pairs = _query_pairs(op, query)
    if pairs:
        url += "?" + "&".join(f"{quote(k, safe=_QUERY_SAFE)}={quote(v, safe=_QUERY_SAFE)}" for k, v in pairs)
    if op.body is None:
        if provider is not None:
            url, _ = provider.route(op, url, None)
        return EncodedRequest(url)
    given = {k: v for k, v in (body or {}).items() if v is not UNSET}
    payload = None
    try:
        payload = convert.to_json(convert.check(given, op.body))
        if provider is not None:
            url, payload = provider.route(op, url, payload)
        if op.files:
            parts = Multipart(payload, op.files)
            return EncodedRequest(url, parts.content_type, parts=parts)
        data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    except (RecursionError, TypeError, ValueError) as e:  # cycles, depth, sets, objects, NaN, surrogates, huge ints
        raise _refusal(given if payload is None else payload, e) from e
    return EncodedRequest(url, "application/json", data)


def _path_segment(name: str, value: Any) -> str:
    """One path parameter as one segment: never empty, never `.` or `..` (which would move up the path)."""
    text = _param_text(name, value)
    if not text:
        raise _param_error(name, "must not be empty")
    segment = quote(text, safe=_PATH_SAFE)
    return segment.replace(".", "%2E") if segment in (".", "..") else segment


def _param_text(name: str, value: Any) -> str:
    try:
        text = _scalar(value)
        text.encode("utf-8")
    except ValueError as e:  # an integer too long to write, a lone surrogate
        raise _refusal(value, e, name) from e
    return text


def _refusal(value: Any, cause: BaseException, name: str | None = None) -> convert.ConversionError:
    from . import unsendable  # only once encoding has failed

    return unsendable.refusal(value, cause, name)


def _param_error(name: str, problem: str) -> convert.ConversionError:
    error = convert.ConversionError(problem)
    error.path.append(name)
    return error


_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def header_problem(headers: Mapping[str, str]) -> str | None:
    """Why `http_headers` cannot be sent, naming the header but never quoting its value; None if it can."""
    for name, value in headers.items():
        if not isinstance(name, str) or not name or not set(name) <= _TOKEN:
            return f"{name!r} is not a header name"
        if not isinstance(value, str):
            return f"the value of {name!r} is a {type(value).__name__}, not a str"
        if "\r" in value or "\n" in value or "\0" in value:
            return f"the value of {name!r} contains a line break or NUL"
        if not value.isascii():
            try:
                value.encode("latin-1")
            except UnicodeEncodeError:
                return f"the value of {name!r} has characters outside Latin-1, which no header can carry"
    return None


def _checked(op: "Operation", name: str, value: Any) -> Any:
    try:
        return convert.check(value, op.params.get(name, Any))
    except convert.ConversionError as e:
        e.path.append(name)
        raise


def _query_pairs(op: "Operation", query: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is UNSET or value is None:
            continue
        value = _checked(op, name, value)
        before = len(pairs)
        try:
            if name in op.json_query:
                text = json.dumps(convert.to_json(value), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
                pairs.append((name, text))
            elif isinstance(value, dict):  # form style, exploded: an object becomes its keys
                pairs.extend((k, _scalar(v)) for k, v in value.items() if v is not None and v is not UNSET)
            elif isinstance(value, (list, tuple)):
                pairs.extend((name, _scalar(v)) for v in value)
            else:
                pairs.append((name, _scalar(value)))
            for key, text in pairs[before:]:
                key.encode("utf-8")
                text.encode("utf-8")
        except (RecursionError, TypeError, ValueError) as e:
            raise _refusal(value, e, name) from e
    return pairs


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, dt.datetime):
        return str(convert.to_json(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


class _FilePart:
    """One file of a multipart body, read in chunks as the body is sent."""

    __slots__ = ("_fileobj", "_open", "_start", "content_type", "filename", "name", "size")

    def __init__(self, name: str, value: Any) -> None:
        self.name = name
        content_type: str | None = None
        if isinstance(value, tuple):
            filename, content, *rest = value
            content_type = rest[0] if rest else None
            if isinstance(content, str):  # a str beside a file name is the content, never a path to read
                content = content.encode("utf-8", "surrogatepass")
        elif isinstance(value, (str, os.PathLike)):
            filename, content = os.path.basename(os.fspath(value)), value
        elif isinstance(value, bytes):
            filename, content = name, value
        else:
            filename, content = os.path.basename(str(getattr(value, "name", name))), value
        try:
            filename.encode("utf-8")
        except UnicodeEncodeError as e:
            raise _param_error(name, f"the file name: {_refusal(filename, e).problem}") from e
        self.filename = filename
        self.content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        self._fileobj: IO[bytes] | None = None
        self._start = 0
        if isinstance(content, (str, os.PathLike)):
            path = os.fspath(content)
            size = _path_size(name, path)
            self.size: int | None = size
            self._open: Callable[[], Iterator[bytes]] = lambda: _read_path(name, path, size)
        elif isinstance(content, bytes):
            self.size = len(content)
            self._open = lambda: iter((content,))
        else:
            if isinstance(content, io.TextIOBase) or "b" not in getattr(content, "mode", "b"):
                raise _param_error(
                    name, "a file opened in text mode; open it with 'rb' so its bytes go out as they are"
                )
            self._fileobj = content
            self.size = _remaining_size(content)
            self._start = content.tell() if self.size is not None else 0
            self._open = lambda: _read_file(name, content, self.size)

    def chunks(self) -> Iterator[bytes]:
        return self._open()

    def rewind(self) -> None:
        if self._fileobj is not None and self.size is not None:
            self._fileobj.seek(self._start)


def _path_size(name: str, path: str) -> int:
    """The size of the file at `path`; one that cannot be read is the caller's error, before sending."""
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "Is a directory")
        return os.path.getsize(path)
    except (OSError, ValueError) as e:  # ValueError: a NUL in the path
        error = convert.ConversionError(f"cannot read {path!r}: {getattr(e, 'strerror', None) or e}")
        error.path.append(name)
        raise error from e


class SourceChanged(Exception):
    """An upload's file changed, or failed to read, while it was being sent: the request is cut off
    before its end (never sending more than its `Content-Length`), and the call is the caller's error."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"invalid argument {name}: {problem}")
        self.name = name
        self.problem = problem


def _read_path(name: str, path: str, size: int) -> Iterator[bytes]:
    try:
        f = open(path, "rb")  # closed by the with below, once the generator is done
    except OSError as e:
        raise SourceChanged(name, f"cannot read {path!r} any more: {e.strerror or e}") from e
    with f:
        yield from _read_file(name, f, size)


def _read_file(name: str, f: IO[bytes], size: int | None) -> Iterator[bytes]:
    """The file's bytes; when its size was declared, exactly that many or `SourceChanged`."""
    remaining = size if size is not None else -1
    while remaining:
        try:
            chunk = f.read(_CHUNK if remaining < 0 else min(_CHUNK, remaining))
        except OSError as e:
            raise SourceChanged(name, f"reading the file failed while sending: {e.strerror or e}") from e
        if not isinstance(chunk, bytes):
            raise SourceChanged(name, f"the file gave {type(chunk).__name__}, not bytes (open it with 'rb')")
        if not chunk:
            if size is None:
                return
            raise SourceChanged(
                name, f"the file shrank while being sent: it ended after {size - remaining} of {size} bytes"
            )
        remaining -= len(chunk) if remaining > 0 else 0
        yield chunk
    if size is not None and f.read(1):
        raise SourceChanged(name, f"the file grew while being sent, past the {size} bytes declared")


def _remaining_size(f: IO[bytes]) -> int | None:
    try:
        if not f.seekable():
            return None
        position = f.tell()
        end = f.seek(0, os.SEEK_END)
        f.seek(position)
        return end - position
    except (AttributeError, OSError, ValueError):
        return None


class Multipart:
    """A multipart/form-data body: text parts first (no Content-Type), then the files, streamed."""

    def __init__(self, payload: Mapping[str, Any], files: frozenset[str]) -> None:
        self.boundary = os.urandom(16).hex()
        head = bytearray()
        parts: list[_FilePart] = []
        for name, value in payload.items():
            if value is None:  # multipart has no null: a None field is left out (it was sent as "None")
                continue
            if name in files:
                parts.append(_FilePart(name, value))
                continue
            for item in value if isinstance(value, list) else [value]:
                head += self._part_head(name) + _form_text(name, item) + b"\r\n"
        self._head = bytes(head)
        self._files = parts
        self._file_heads = [self._part_head(f.name, f.filename, f.content_type) for f in parts]
        self._tail = f"--{self.boundary}--\r\n".encode()
        sizes = [f.size for f in parts]
        self.length: int | None = None
        if all(s is not None for s in sizes):
            self.length = (
                len(self._head)
                + sum(len(h) + 2 for h in self._file_heads)  # part head, blank line's CRLF after content
                + sum(s for s in sizes if s is not None)
                + len(self._tail)
            )

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def _part_head(self, name: str, filename: str | None = None, content_type: str | None = None) -> bytes:
        disposition = f'Content-Disposition: form-data; name="{_quote_header(name)}"'
        if filename is not None:
            disposition += f'; filename="{_quote_header(filename)}"'
        lines = [f"--{self.boundary}", disposition]
        if content_type is not None:
            lines.append(f"Content-Type: {content_type}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode()

    def stream(self) -> Iterator[bytes]:
        yield self._head
        for part, head in zip(self._files, self._file_heads, strict=True):
            yield head
            yield from part.chunks()
            yield b"\r\n"
        yield self._tail

    def rewind(self) -> None:
        for part in self._files:
            part.rewind()


def _form_text(name: str, value: Any) -> bytes:
    try:
        return _scalar(value).encode()
    except ValueError as e:  # an integer too long to write, a lone surrogate
        raise _refusal(value, e, name) from e


def _quote_header(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
