"""Send one prepared request within a time, and read what comes back.

A `Session` holds settings only; what it owns while it runs (the `requests.Session` and its
connection pool, the environment settings worked out per base URL, whether the watchdog may cut
its sockets) is a `Transport`, made on the session's first call and kept in its one private slot
(`Session._transport`), which `Session.close()` closes. Failures before any response are named
here (`classify_transport_error`), as are failures while reading the body.
"""

import threading
import time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .. import errors

if TYPE_CHECKING:
    import requests

    from ..session import Session
    from .watchdog import Watch

_READ_CHUNK = 64 * 1024
_WATCHDOG_GRACE = 0.1  # seconds later than the socket timeouts, so that theirs (more precise) speak first
_CACHED_BASES = 16
_making = threading.Lock()  # held only while a session's first Transport is made


class TransportFailure(Exception):
    """No response came back; `error` is what the attempt returns, `connected` whether a connection was made."""

    def __init__(self, error: errors.HTTPClientError, connected: bool) -> None:
        super().__init__(error.message)
        self.error = error
        self.connected = connected


class Transport:
    """A session's `requests.Session` and what is worked out once for it."""

    __slots__ = ("__weakref__", "_env_settings", "_live", "client", "watched")

    def __init__(self, client: "requests.Session", watched: bool) -> None:
        self.client = client
        self._live: set[Watch] = set()  # attempts in flight, which close() cuts
        self.watched = watched
        """Whether attempts are held to their total time by `_runtime.watchdog` (our own client only)."""
        self._env_settings: dict[str, dict[str, Any]] = {}

    def environment_settings(self, url: str) -> dict[str, Any]:
        """Proxies, `verify` and `cert` for `url`: the client's own merged with the environment's
        (when the client trusts it), worked out once per base URL rather than on every call."""
        base = _base_of(url)
        settings = self._env_settings.get(base)
        if settings is None:
            merged = self.client.merge_environment_settings(base, {}, None, None, None)
            settings = {key: merged[key] for key in ("proxies", "verify", "cert")}
            if len(self._env_settings) < _CACHED_BASES:  # redirects may point anywhere: a bounded cache
                self._env_settings[base] = settings
        return settings

    def prepare(
        self, method: str, url: str, headers: Mapping[str, str], body: Any, length: int | None
    ) -> "requests.PreparedRequest":
        """The request to send, with the client's cookies, headers and auth merged in."""
        import requests
        from requests.structures import CaseInsensitiveDict

        client = self.client
        prepared = requests.PreparedRequest()
        prepared.method = method
        prepared.url = url
        prepared.hooks = {"response": []}
        prepared.prepare_cookies(client.cookies)
        merged: CaseInsensitiveDict[str] = CaseInsensitiveDict()
        if client.headers:
            merged.update({k: v if isinstance(v, str) else v.decode() for k, v in client.headers.items()})
        merged.update(headers)
        prepared.headers = merged
        prepared.body = body  # requests sends any iterable body; its stubs only know bytes and str
        if length is not None:
            merged["Content-Length"] = str(length)
        elif body is not None and not isinstance(body, bytes):
            merged["Transfer-Encoding"] = "chunked"
        if client.auth is not None:
            prepared.prepare_auth(client.auth)
        return prepared

    def watch(self, timeout: float) -> "Watch | None":
        """Start holding this thread's attempt to `timeout` in total (our own client only); `release` it."""
        if not self.watched:
            return None
        from .watchdog import WATCHDOG

        watch = WATCHDOG.watch(timeout + _WATCHDOG_GRACE)
        self._live.add(watch)
        return watch

    def release(self, watch: "Watch | None") -> None:
        if watch is not None:
            from .watchdog import WATCHDOG

            WATCHDOG.release(watch)
            self._live.discard(watch)

    def abandon(self, watch: "Watch | None") -> None:
        """Cut the socket of an attempt nobody waits for any more (its call was cancelled)."""
        if watch is not None:
            from .watchdog import abandon

            abandon(watch)

    def send(
        self, prepared: "requests.PreparedRequest", timeout: float, watch: "Watch | None" = None
    ) -> "requests.Response":
        """The response's status and headers (the body is read as it is asked for); raises `TransportFailure`."""
        try:
            response = self.client.send(
                prepared,
                timeout=(timeout, timeout),
                stream=True,
                allow_redirects=False,  # followed by `redirects`, which loses no body and no secret
                **self.environment_settings(prepared.url or ""),
            )
        except Exception as e:  # every transport failure is named, never raised as is
            error, connected = classify_transport_error(e, timeout)
            raise TransportFailure(error, connected) from e
        if watch is not None and watch.expired:
            # The watchdog shut the socket while the head was arriving, and http.client took the end of
            # the stream for the end of the head: what it parsed (a 204, a 200 without its length) is
            # not the answer.
            response.close()
            message = f"timed out: no whole response head within {timeout:.3f} s"
            raise TransportFailure(errors.RequestTimeoutError(message), connected=True)
        return response

    def close(self) -> None:
        """Cut every attempt still in flight, then close the pool."""
        for watch in self._live.copy():
            self.abandon(watch)
        self.client.close()

    def drop_connections(self) -> None:
        """Close the pooled connections; the client makes new ones as calls need them."""
        self.client.close()  # requests' adapters clear their pools and stay usable


def for_session(session: "Session") -> Transport:
    """The session's transport, made on its first call: its own client (watched), or the one it was given."""
    transport: Transport | None = session._transport
    if transport is None:
        with _making:
            transport = session._transport
            if transport is None:
                transport = _make(session.http_client)
                session._attach(transport)
                from . import snapstart

                snapstart.track(transport)
    return transport


def _make(given: "requests.Session | None") -> Transport:
    if given is not None:
        return Transport(given, watched=False)
    from .redirects import Client
    from .watchdog import WatchedAdapter

    client = Client()
    # Send only the headers the operation sets (docs/API.md, "On the wire").
    client.headers.clear()
    # Adapters whose sockets the watchdog can cut when an attempt's time is up.
    client.mount("https://", WatchedAdapter())
    client.mount("http://", WatchedAdapter())
    return Transport(client, watched=True)


def _base_of(url: str) -> str:
    """scheme://host[:port] of a URL: the key environment settings are cached under."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def timed_out_if_cut(watch: "Watch | None", timeout: float, error: BaseException) -> BaseException:
    """A dropped connection is a timeout when the watchdog is what cut it; any other error is itself."""
    if watch is not None and watch.expired and isinstance(error, errors.ConnectionError):
        return errors.RequestTimeoutError(f"timed out: no whole response within {timeout:.3f} s", cause=error)
    return error


class BodyReadError(Exception):
    """Reading the body failed part-way; `error` is what the call returns."""

    def __init__(self, error: errors.HTTPClientError) -> None:
        super().__init__(error.message)
        self.error = error


class BodyTooLarge(Exception):
    """The body, decoded, passed the session's `max_response_bytes`; the connection is closed."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the response body is larger than {limit} bytes")
        self.limit = limit


def read_body(
    response: "requests.Response", attempt_end: float, cancel: threading.Event | None, limit: int | None = None
) -> bytes:
    """The whole body, within the attempt's time, honouring `cancel`, and no larger than `limit` decoded.
    Raises `BodyReadError` or `BodyTooLarge`."""
    chunks = []
    size = 0
    try:
        for chunk in iter_raw(response):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:
                raise BodyTooLarge(limit)
            if time.monotonic() > attempt_end:
                raise BodyReadError(errors.RequestTimeoutError("timed out while reading the response body"))
            if cancel is not None and cancel.is_set():
                raise BodyReadError(errors.RequestAbortedError("cancelled while reading the response body"))
    except (BodyReadError, BodyTooLarge):
        response.close()
        raise
    except Exception as e:
        response.close()
        error, _ = classify_transport_error(e, None)
        raise BodyReadError(error) from e
    return b"".join(chunks)


def iter_raw(response: "requests.Response") -> Iterator[bytes]:
    """The body as it arrives: each chunk (chunked encoding) or each socket read, never waiting to fill."""
    raw = response.raw
    if getattr(raw, "chunked", True):  # True: a stand-in for urllib3's response (vcrpy's) has only stream()
        # A size, so that a compressed chunk is inflated a piece at a time (a gzip bomb never whole).
        yield from raw.stream(_READ_CHUNK, decode_content=True)
    else:
        while chunk := raw.read1(_READ_CHUNK, decode_content=True):
            yield chunk


def classify_transport_error(e: BaseException, timeout: float | None) -> tuple[errors.HTTPClientError, bool]:
    """The error class for a failure before any response came back, and whether a connection was made."""
    import requests
    import urllib3.exceptions as u3

    from .encode import SourceChanged

    if isinstance(e, SourceChanged):  # the upload's file changed under us: cut off, the caller's error
        return errors.InvalidRequestError(str(e), cause=e), True
    reason = e.args[0] if e.args else None
    inner = getattr(reason, "reason", reason)
    waited = f" after {timeout:.3f} s" if timeout is not None else ""
    if isinstance(e, requests.exceptions.ConnectTimeout):
        return errors.RequestTimeoutError(f"timed out connecting{waited}", cause=e), False
    if isinstance(e, (requests.exceptions.ReadTimeout, u3.ReadTimeoutError, TimeoutError)) or isinstance(
        inner, u3.ReadTimeoutError
    ):
        return errors.RequestTimeoutError(f"timed out waiting for the response{waited}", cause=e), True
    if isinstance(inner, u3.ProtocolError) and any(isinstance(a, TimeoutError) for a in inner.args):
        # ProtocolError('Connection aborted.', TimeoutError()): the server stopped reading the body.
        return errors.RequestTimeoutError(f"timed out sending the request{waited}", cause=e), True
    if isinstance(e, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema)) or isinstance(
        e, requests.exceptions.InvalidSchema
    ):
        return errors.InvalidRequestError(f"invalid server URL: {e}", cause=e), False
    if isinstance(e, requests.exceptions.ProxyError):
        return errors.ConnectionError(f"could not connect through the proxy: {_plain(inner)}", cause=e), False
    if isinstance(e, requests.exceptions.SSLError):
        return errors.ConnectionError(f"TLS error: {e}", cause=e), False
    if isinstance(e, requests.exceptions.ConnectionError) or isinstance(e, (u3.HTTPError, OSError)):
        never_connected = isinstance(inner, (u3.NewConnectionError, u3.NameResolutionError, ConnectionRefusedError))
        if never_connected:
            return errors.ConnectionError(f"could not connect: {_plain(inner)}", cause=e), False
        return errors.ConnectionError(f"connection dropped: {_plain(inner or e)}", cause=e), True
    if isinstance(e, requests.exceptions.ChunkedEncodingError):
        return errors.ConnectionError(f"connection dropped: {e}", cause=e), True
    return errors.UnexpectedClientError(f"{type(e).__name__}: {e}", cause=e), True


def _plain(e: object) -> str:
    text = str(e)
    # urllib3 wraps the reason as "<urllib3.connection.HTTPConnection object at 0x...>: Failed to ..."
    return text.split(">: ", 1)[-1]
