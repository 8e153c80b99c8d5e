"""Follow redirects ourselves, so that no request is silently changed and no secret leaves its origin.

Left to requests, a POST answered 301/302/303 came back as a bodiless GET (an upload was `Ok` with
every field unset), a 307 of a streamed upload was sent again with the stream already read (an empty
body), every header but `Authorization` went along to another host, and a redirect to `file://` was
reported as our own bad URL. The rules here:

- 307 and 308 keep the method and the body: followed when the body can be sent again whole (bytes,
  or an upload the encoder can rewind); otherwise the 307/308 is the call's `Err`, saying why.
- 301 and 302 are followed for a request without a body, keeping its method; 303 for a GET only.
  Anything else would send the request again without its body, or read a GET's answer as its own.
- Only http and https, and at most the client's `max_redirects` (requests' 30) hops.
- To another origin (scheme, host or port) go only `Accept`, `User-Agent` and the body's own headers,
  plus the cookies the client's jar has for it: not `Authorization`, nor anything the caller gave in
  `http_headers` or a hook added. Once dropped, they stay dropped for the rest of the chain.
- Every hop belongs to the same attempt: its `timeout_ms` and the watchdog hold over the whole chain,
  and `cancel` is looked at between hops.

An `Err` names the status and the Location's origin, never its path or query, nor the key.
"""

import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests

from .. import errors
from ..result import Err
from .operation import Outcome
from .redact import redact, safe_headers

if TYPE_CHECKING:
    from .invoke import Attempts
    from .watchdog import Watch

FOLLOWED = frozenset((301, 302, 303, 307, 308))
_KEPT_ACROSS_ORIGINS = frozenset(("accept", "user-agent", "content-type", "content-length", "transfer-encoding"))
_DEFAULT_PORTS = {"http": 80, "https": 443}


class Client(requests.Session):
    """The `requests.Session` a `Session` makes for itself: it leaves every redirect to `follow`.

    Even with `allow_redirects=False`, `requests.Session.send` prepares the next request of a redirect
    (for `Response.next`): it reads the redirect's whole body and parses its Location, raising for one
    that is not a URL. A client given as `http_client=` still does that before `follow` sees the answer.
    """

    def get_redirect_target(self, resp: requests.Response) -> None:
        return None


class _NotFollowed(Exception):
    """Why a redirect is not followed; `origin` is where it pointed."""

    def __init__(self, origin: str, why: str) -> None:
        super().__init__(why)
        self.origin = origin
        self.why = why


def follow(
    attempts: "Attempts",
    prepared: "requests.PreparedRequest",
    response: "requests.Response",
    timeout: float,
    watch: "Watch | None",
) -> "requests.Response | Outcome":
    """The response at the end of the redirects that start at `response` (itself when it is none), or
    the attempt's `Outcome` when one cannot be followed. A hop that fails raises `TransportFailure`."""
    sender = attempts.transport
    limit = getattr(sender.client, "max_redirects", 30)
    # The attempt's end: it started when the first request went out.
    end = time.monotonic() + timeout - response.elapsed.total_seconds()
    hops = 0
    while response.status_code in FOLLOWED and response.headers.get("location"):
        try:
            if hops >= limit:
                raise _NotFollowed(_origin(_target(prepared, response)), f"more than {limit} redirects")
            prepared = _next_request(attempts, prepared, response)
        except _NotFollowed as refused:
            response.close()
            return Outcome(Err(_not_followed(response, refused, attempts.api_key)), response, True)
        response.close()
        if attempts.cancel is not None and attempts.cancel.is_set():
            return Outcome(Err(errors.RequestAbortedError("cancelled while following a redirect")), None, True)
        left = end - time.monotonic()
        if left <= 0.001:
            message = f"timed out following redirects: no whole response within {timeout:.3f} s"
            return Outcome(Err(errors.RequestTimeoutError(message)), None, True)
        hops += 1
        response = sender.send(prepared, left, watch)
    return response


def _target(prepared: "requests.PreparedRequest", response: "requests.Response") -> str:
    location = response.headers["location"]
    try:  # requests' own repair: a UTF-8 Location that http.client decoded as Latin-1
        location = location.encode("latin-1").decode("utf-8")
    except UnicodeError:
        pass
    try:
        return urljoin(prepared.url or "", location)
    except ValueError as e:
        raise _NotFollowed("(unreadable)", "its Location is not a URL") from e


def _next_request(
    attempts: "Attempts", prepared: "requests.PreparedRequest", response: "requests.Response"
) -> "requests.PreparedRequest":
    """The request to send to the Location, or `_NotFollowed`."""
    from requests.structures import CaseInsensitiveDict

    status = response.status_code
    url = _target(prepared, response)
    origin = _origin(url)
    if url.partition(":")[0].lower() not in _DEFAULT_PORTS:
        raise _NotFollowed(origin, "only http and https redirects are followed")
    method = prepared.method or "GET"
    body = prepared.body
    if body is not None and status in (301, 302, 303):
        raise _NotFollowed(origin, f"the {method} would be sent again as a GET without its body (307 and 308 keep it)")
    if status == 303 and method != "GET":
        raise _NotFollowed(origin, f"a 303 asks for a GET there, whose answer is not this {method}'s")
    following = prepared.copy()  # the same method, headers and cookie jar
    try:
        following.prepare_url(url, None)
    except (requests.exceptions.RequestException, ValueError) as e:
        raise _NotFollowed(origin, "its Location is not a valid URL") from e
    if _origin_key(following.url or "") != _origin_key(prepared.url or ""):
        kept = {k: v for k, v in prepared.headers.items() if k.lower() in _KEPT_ACROSS_ORIGINS}
        following.headers = CaseInsensitiveDict(kept)
        following.prepare_cookies(attempts.transport.client.cookies)
    following.body = _body_again(attempts, body, origin)
    return following


def _body_again(attempts: "Attempts", body: Any, origin: str) -> Any:
    """The body to send once more, whole: as it was, or the encoder's upload rewound."""
    if body is None or isinstance(body, (bytes, str)):
        return body
    request = attempts.request
    if not request.can_send_again(body):
        raise _NotFollowed(
            origin, "the request body is a stream that cannot be sent again (pass bytes, a path or a seekable file)"
        )
    request.rewind()
    return request.body()


def _origin(url: str) -> str:
    """scheme://host[:port] of a URL, without the user, the password, the path or the query."""
    scheme, colon, rest = url.partition(":")
    if not colon or not rest.startswith("//"):
        return f"{scheme}:" if colon else "(no scheme)"
    return f"{scheme}://{rest[2:].split('/', 1)[0].split('?', 1)[0].split('#', 1)[0].rpartition('@')[2]}"


def _origin_key(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def _not_followed(response: "requests.Response", refused: _NotFollowed, api_key: str) -> errors.MistralError:
    status = f"{response.status_code} {response.reason or ''}".rstrip()
    return errors.MistralError(
        redact(f"{status} to {refused.origin} not followed: {refused.why}", api_key),
        status_code=response.status_code,
        headers=safe_headers(response, api_key),
        body="",
        raw_response=response,
    )
