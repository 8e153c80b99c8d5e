"""AWS Lambda SnapStart: what a restored snapshot must not share with the other restores of it.

SnapStart runs a function's initialisation once, snapshots the memory and starts every new
execution environment from that snapshot. Two things of ours would then be copies: pooled
connections (sockets the snapshot's server side closed long ago) and the random state the retry
jitter draws from (every copy would wait the same "random" time, in lockstep, after an outage).
When AWS's hooks package `snapshot_restore_py` is importable (Lambda provides it when SnapStart is
on), the first pool or jitter source made registers `after_restore`, which drops the pools of every
live session and reseeds the jitter. Elsewhere the import fails once and nothing more happens.
"""

import random
import threading
import weakref
from typing import Protocol


class _Pooled(Protocol):
    def drop_connections(self) -> None: ...


_pools: "weakref.WeakSet[_Pooled]" = weakref.WeakSet()
_jitter: random.Random | None = None
_registered = False
_lock = threading.Lock()


def track(pooled: _Pooled) -> None:
    """Drop `pooled`'s connections after a restore (kept weakly: a session that is gone is not kept)."""
    _pools.add(pooled)
    _register()


def jitter() -> random.Random:
    """The retry jitter's random source, made on first use and reseeded after a restore."""
    global _jitter
    source = _jitter
    if source is None:
        with _lock:
            source = _jitter
            if source is None:
                source = _jitter = random.Random()
        _register()
    return source


def after_restore() -> None:
    """What `snapshot_restore_py` runs in each environment restored from the snapshot."""
    for pooled in list(_pools):
        pooled.drop_connections()
    if _jitter is not None:
        _jitter.seed()  # from os.urandom: each restore draws its own


def _register() -> None:
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        _registered = True
    try:
        from snapshot_restore_py import register_after_restore
    except ImportError:  # not on Lambda, or SnapStart is off
        return
    register_after_restore(after_restore)
