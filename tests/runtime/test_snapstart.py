"""SnapStart: after a restore, sessions drop their pooled connections and the retry jitter is reseeded.

`snapshot_restore_py` (AWS's hooks package, here as a dependency of awslambdaric) is what Lambda
calls after restoring a snapshot; the tests call the hooks registered with it as Lambda would.
"""

import time

import snapshot_restore_py

from mistral_fn import Session, models_list
from mistral_fn._runtime import snapstart
from tests.loopback import Loopback

API_KEY = "sk-snapstart-0123456789"


def restore() -> None:
    """Run every after-restore hook, as Lambda does in each environment restored from the snapshot."""
    for function, args, kwargs in snapshot_restore_py.get_after_restore():
        function(*args, **kwargs)


def open_connections(server: Loopback, expected: int, within: float = 5.0) -> int:
    deadline = time.monotonic() + within
    while len(server._conns) != expected and time.monotonic() < deadline:
        time.sleep(0.01)
    return len(server._conns)


def test_a_restore_drops_pooled_connections() -> None:
    with Loopback() as server:
        session = Session(api_key=API_KEY, server_url=server.url)
        assert models_list(session).ok  # the pool now holds one kept-alive connection
        assert open_connections(server, 1) == 1
        assert any(function is snapstart.after_restore for function, _, _ in snapshot_restore_py.get_after_restore())
        restore()
        assert open_connections(server, 0) == 0, "the pooled connection outlived the restore"
        assert models_list(session).ok, "the session works after a restore, on a new connection"
        assert len(server.requests) == 2
        session.close()


def test_each_restore_draws_its_own_jitter() -> None:
    """Two environments restored from one snapshot start with the same random state; after the
    hook, they no longer wait the same time before a retry."""
    source = snapstart.jitter()
    snapshot = source.getstate()
    draws = []
    for _ in range(2):
        source.setstate(snapshot)  # a new environment, restored from the snapshot
        restore()
        draws.append(source.random())
    assert draws[0] != draws[1]
    source.setstate(snapshot)
    without_hook = source.random()
    source.setstate(snapshot)
    assert source.random() == without_hook  # what the restores would share without the hook
