"""Make a blocked socket read give way to `cancel`, which Python cannot interrupt by itself.

Only calls that pass a `cancel` event pay for this: one short-lived thread per attempt or stream.
"""

import socket
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import requests

T = TypeVar("T")
_POLL = 0.02  # seconds between looks at `cancel`; Python has no wait-for-either-of-two-events


def run_cancellable(work: Callable[[], T], cancel: threading.Event, discard: Callable[[T], None]) -> T | None:
    """`work()` in a helper thread; None as soon as `cancel` is set (its late result goes to `discard`)."""
    done = threading.Event()
    box: list[T] = []
    lock = threading.Lock()
    abandoned = False
    failed: list[BaseException] = []

    def run() -> None:
        try:
            result = work()
        except BaseException as e:  # noqa: BLE001 - re-raised in the caller's thread, which would wait forever
            failed.append(e)
            done.set()
            return
        with lock:
            box.append(result)
            late = abandoned
        done.set()
        if late:
            discard(result)

    threading.Thread(target=run, name="mistral-fn-attempt", daemon=True).start()
    while not done.wait(_POLL):
        if cancel.is_set():
            with lock:
                if not box:
                    abandoned = True
                    return None
            break
    if failed:
        raise failed[0]
    return box[0]


def watch_stream(response: "requests.Response", cancel: threading.Event) -> Callable[[], None]:
    """Shut the response's socket down when `cancel` is set; returns the function that stops watching."""
    finished = threading.Event()

    def run() -> None:
        while not finished.is_set():
            if cancel.wait(_POLL):
                connection = getattr(response.raw, "connection", None)
                sock = getattr(connection, "sock", None)
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)  # wakes the read blocked in the caller's thread
                    except OSError:
                        pass
                return

    threading.Thread(target=run, name="mistral-fn-stream-cancel", daemon=True).start()
    return finished.set
