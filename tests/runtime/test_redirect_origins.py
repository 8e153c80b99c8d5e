"""What counts as the same origin for a redirect (headers kept) and how an origin is shown in an error.

The loopback tests cannot serve TLS, so a change of scheme alone is checked here, on the functions
`_runtime/redirects.py` decides with.
"""

import pytest

from mistral_fn._runtime.redirects import _origin, _origin_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("http://api.example/v1/files", "http://api.example/v2/x?y=1", True),
        ("http://api.example/v1", "http://API.example:80/v1", True),  # case, default port
        ("https://api.example/v1", "https://api.example:443/v1", True),
        ("http://api.example/v1", "https://api.example/v1", False),  # scheme
        ("http://api.example:8080/v1", "https://api.example:8080/v1", False),
        ("http://api.example/v1", "http://api.example:8080/v1", False),  # port
        ("http://api.example/v1", "http://other.example/v1", False),  # host
        ("http://127.0.0.1:5000/v1", "http://localhost:5000/v1", False),
    ],
)
def test_same_origin_is_scheme_host_and_port(a: str, b: str, same: bool) -> None:
    assert (_origin_key(a) == _origin_key(b)) is same


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:secret@api.example:8443/v1/files?token=t#f", "https://api.example:8443"),
        ("http://api.example/path?q=1", "http://api.example"),
        ("file:///etc/passwd", "file://"),
        ("ftp://u:p@files.example:21/a.jsonl", "ftp://files.example:21"),
        ("mailto:someone@example.com", "mailto:"),
        ("no-scheme-at-all", "(no scheme)"),
    ],
)
def test_an_origin_is_shown_without_user_path_or_query(url: str, shown: str) -> None:
    assert _origin(url) == shown
