"""Hold every attempt to its total time, even against a server that trickles its headers.

`requests` only bounds each socket read, so a server sending a byte now and then never times out
before the body starts (the body is bounded by the wall-clock checks in `transport.read_body`).
Sessions that make their own `requests.Session` mount `WatchedAdapter`: its connections say which
socket the current thread is using, and one shared thread shuts that socket down when the attempt's
time is up. A client passed as `http_client=` keeps its own adapters and is not watched.
"""

import heapq
import itertools
import logging
import socket
import threading
import time
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()
# Guards which watch owns which connection, so that a cut and a change of owner never interleave.
_owners = threading.Lock()
_log = logging.getLogger("mistral_fn")
_MAX_WAIT = 3600.0  # seconds the watchdog sleeps at most at a time (Condition.wait overflows past ~292 years)


class Watch:
    """One attempt under watch: the connection it sends on, and whether its time ran out."""

    __slots__ = ("abandoned", "connection", "done", "expired")

    def __init__(self) -> None:
        self.connection: HTTPConnection | None = None
        self.expired = False
        self.done = False
        self.abandoned = False
        """Its call gave up on it (cancel, `Session.close()`): its socket is shut down as soon as it has one."""


def _own(connection: HTTPConnection) -> None:
    """The calling thread's watch (or none) now owns `connection`: only it may cut it."""
    watch = getattr(_current, "watch", None)
    with _owners:
        connection._mistral_fn_watch = watch  # type: ignore[attr-defined]
        if watch is not None:
            watch.connection = connection
            _refuse_if_abandoned(watch)


def _refuse_if_abandoned(watch: "Watch | None") -> None:
    if watch is not None and watch.abandoned:
        raise ConnectionAbortedError("the call no longer waits for this attempt (cancelled, or its session closed)")


def _connected(connection: Any) -> None:
    """Just connected: an attempt abandoned while connecting goes no further (its socket had none to cut)."""
    with _owners:
        _refuse_if_abandoned(getattr(connection, "_mistral_fn_watch", None))


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _own(self)
        super().request(*args, **kwargs)

    def connect(self) -> None:
        super().connect()
        _connected(self)


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _own(self)
        super().request(*args, **kwargs)

    def connect(self) -> None:
        super().connect()
        _connected(self)


def _disown(connection: Any) -> None:
    """Back in the pool, a connection belongs to no watch: an expired one can no longer cut it."""
    if connection is not None:
        with _owners:
            connection._mistral_fn_watch = None


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection

    def _put_conn(self, conn: Any) -> None:
        _disown(conn)
        super()._put_conn(conn)


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection

    def _put_conn(self, conn: Any) -> None:
        _disown(conn)
        super()._put_conn(conn)


class WatchedAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections can be found, and cut, by the watchdog."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _Watchdog:
    """One daemon thread, started on first use, waking at the nearest attempt deadline."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._heap: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, seconds: float) -> Watch:
        """Start watching the calling thread's next request; `release` it when the attempt is over."""
        watch = Watch()
        _current.watch = watch
        with self._condition:
            heapq.heappush(self._heap, (time.monotonic() + seconds, next(self._order), watch))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="mistral-fn-watchdog", daemon=True)
                self._thread.start()
            elif self._heap[0][2] is watch:
                self._condition.notify()
        return watch

    def release(self, watch: Watch) -> None:
        with _owners:
            watch.done = True  # the heap entry is dropped when its time comes
        if getattr(_current, "watch", None) is watch:
            _current.watch = None

    def _run(self) -> None:
        # Nothing may end this thread: every watched attempt of the process depends on it.
        while True:
            try:
                self._step()
            except Exception:  # noqa: BLE001 - logged; the thread must outlive any failure
                _log.exception("the watchdog thread failed; it goes on")
                time.sleep(0.01)  # a failure that repeats must not spin

    def _step(self) -> None:
        with self._condition:
            while self._heap and self._heap[0][2].done:
                heapq.heappop(self._heap)
            if not self._heap:
                self._condition.wait()
                return
            wait = self._heap[0][0] - time.monotonic()
            if wait > 0:
                self._condition.wait(min(wait, _MAX_WAIT))
                return
            _, _, watch = heapq.heappop(self._heap)
        cut(watch)


def cut(watch: Watch) -> None:
    """Shut down the socket `watch`'s attempt is using, if that attempt still owns it and is not over."""
    with _owners:
        connection = watch.connection
        if watch.done or connection is None or getattr(connection, "_mistral_fn_watch", None) is not watch:
            return
        if getattr(connection, "sock", None) is None:
            return
        watch.expired = True
        _shutdown(connection)


def abandon(watch: Watch) -> None:
    """The attempt's call no longer waits for it: shut its socket down now, or as soon as it has one,
    so that the thread sending it ends at once and its descriptor is freed."""
    with _owners:
        if watch.done:
            return
        watch.abandoned = True
        connection = watch.connection
        if connection is not None and getattr(connection, "_mistral_fn_watch", None) is watch:
            _shutdown(connection)


def _shutdown(connection: Any) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)  # wakes the read (or send) blocked in the attempt's thread
        except OSError:
            pass


WATCHDOG = _Watchdog()
