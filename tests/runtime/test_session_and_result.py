"""Session settings and the Result type."""

import threading

import pytest

from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.transport import for_session
from mistral_fn.errors import InvalidRequestError, MistralError


def test_session_repr_hides_the_key() -> None:
    """repr shows the server and where the key comes from, never the key."""
    session = Session(api_key="sk-very-secret")
    assert "sk-very-secret" not in repr(session) and "api.mistral.ai" in repr(session)


def test_session_is_immutable() -> None:
    """Settings cannot be changed after construction (so sharing between threads is safe)."""
    session = Session(api_key="k")
    with pytest.raises(AttributeError):
        session.server_url = "http://elsewhere"  # type: ignore[misc]


def test_named_servers_and_server_url() -> None:
    """ "eu" is the default server; server_url overrides it; an unknown name is refused."""
    assert Session().server_url == "https://api.mistral.ai"
    assert Session(server="eu").server_url == "https://api.mistral.ai"
    assert Session(server_url="http://127.0.0.1:1/").server_url == "http://127.0.0.1:1"
    with pytest.raises(ValueError, match="unknown server"):
        Session(server="mars")


def test_one_http_client_is_made_once_across_threads() -> None:
    """The session's transport (its requests.Session) is made lazily, once, even when threads race for it."""
    session = Session(api_key="k")
    clients: list[object] = []
    threads = [threading.Thread(target=lambda: clients.append(for_session(session).client)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(c) for c in clients}) == 1


def test_ok_and_err_match_and_combinators() -> None:
    """Ok/Err match positionally and carry the documented helpers."""
    ok: Ok[int] = Ok(2)
    err: Err[MistralError] = Err(MistralError("boom", status_code=429, headers={}, body=""))
    match ok:
        case Ok(value):
            assert value == 2
    match err:
        case Err(MistralError(status_code=429)):
            pass
        case _:
            pytest.fail("no match")
    assert ok.ok and not err.ok and ok.is_ok() and err.is_err()
    assert ok.map(lambda v: v + 1) == Ok(3) and err.map(lambda v: v) is err
    assert ok.unwrap_or(0) == 2 and err.unwrap_or(0) == 0
    assert ok.and_then(lambda v: Ok(v * 10)) == Ok(20)
    assert err.map_err(lambda e: e.status_code).error == 429
    with pytest.raises(MistralError):
        err.unwrap()
    assert Ok(1) == Ok(1) and Ok(1) != Err(1)


def test_results_are_frozen() -> None:
    """Ok and Err cannot be mutated."""
    with pytest.raises(AttributeError):
        Ok(1).value = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Err(InvalidRequestError("x")).error = None  # type: ignore[misc]


def test_client_settings_are_kept_without_trusting_the_environment() -> None:
    """A client's own verify and proxies are used even when it ignores the environment."""
    import requests

    client = requests.Session()
    client.trust_env = False
    client.verify = "/etc/ssl/custom-ca.pem"
    client.proxies = {"https": "http://proxy.internal:3128"}
    settings = for_session(Session(api_key="k", http_client=client)).environment_settings("https://api.mistral.ai")
    assert settings["verify"] == "/etc/ssl/custom-ca.pem"
    assert settings["proxies"]["https"] == "http://proxy.internal:3128"


def test_short_placeholder_keys_do_not_garble_text() -> None:
    """Redaction masks real keys everywhere, but not a short placeholder inside ordinary words."""
    from mistral_fn._runtime.redact import redact

    assert redact("mock error", "k") == "mock error"
    assert redact("bad key sk-0123456789abcdef", "sk-0123456789abcdef") == "bad key [REDACTED]"


def test_ok_made_by_hand_has_empty_meta() -> None:
    """Ok.meta is always there: attempts is 0 when no call produced the value."""
    assert Ok(1).meta.attempts == 0 and Ok(1).meta.status_code == 0
