"""The pytest plugin: fixtures mistral_mock, mistral_session, mistral_requests; installed, off until used."""

import subprocess
import sys
import textwrap
from pathlib import Path

import mistral_fn
from mistral_fn import Ok, Session
from mistral_fn.testing import MockRequest, MockServer
from tests.testing.scenario import CHAT

ROOT = Path(__file__).resolve().parents[2]


def test_fixtures_give_a_session_on_a_mock(mistral_session: Session, mistral_mock: MockServer) -> None:
    mistral_mock.queue("chat_complete", content="Scripted")
    result = mistral_fn.chat_complete(mistral_session, **CHAT)
    assert isinstance(result, Ok) and result.value.choices[0].message.content == "Scripted"
    assert mistral_session.server_url == mistral_mock.url


def test_requests_of_this_test_only(mistral_session: Session, mistral_requests: list[MockRequest]) -> None:
    """The mock is reset per test: only this test's requests are there, in order."""
    assert mistral_requests == []
    mistral_fn.embeddings_create(mistral_session, model="mistral-embed", input="x")
    mistral_fn.models_list(mistral_session)
    assert [r.operation for r in mistral_requests] == ["embeddings_create", "models_list"]


def test_state_does_not_leak_between_tests(mistral_session: Session) -> None:
    """Whatever another test uploaded is gone (the order is random under pytest-randomly)."""
    listed = mistral_fn.files_list(mistral_session)
    assert isinstance(listed, Ok) and listed.value.data == []
    mistral_fn.files_upload(mistral_session, file=("x.jsonl", b"{}\n"))


def _pytest(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_user.py").write_text(textwrap.dedent(code))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_a_users_project_gets_the_fixtures_from_the_entry_point(tmp_path: Path) -> None:
    """A project with no conftest gets the fixtures just by having mistral_fn installed (the README example)."""
    done = _pytest(
        tmp_path,
        """
        from mistral_fn import chat_complete

        def test_reply(mistral_session, mistral_mock):
            mistral_mock.queue("chat_complete", content="Bonjour")
            hi = [{"role": "user", "content": "Hi"}]
            reply = chat_complete(mistral_session, model="mistral-small-latest", messages=hi)
            assert reply.unwrap().choices[0].message.content == "Bonjour"
            assert mistral_mock.requests_for("chat_complete")[0].json["messages"][0]["content"] == "Hi"
        """,
    )
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr


def test_the_plugin_is_off_until_used(tmp_path: Path) -> None:
    """A run that uses none of the fixtures starts no mock and loads neither the server nor requests."""
    done = _pytest(
        tmp_path,
        """
        import sys

        def test_plain():
            assert "mistral_fn.testing.pytest_plugin" in sys.modules  # the plugin is loaded...
            assert "mistral_fn.testing.server" not in sys.modules  # ...and has loaded nothing heavy
            assert "requests" not in sys.modules
        """,
    )
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr


def test_the_readme_plugin_example_passes(tmp_path: Path) -> None:
    """The README's five-line plugin example, verbatim, passes in a project of its own."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### The pytest plugin") :]
    block = section[section.index("```text\n") + len("```text\n") : section.index("```\n\n")]
    assert "def test_" in block and "mistral_session" in block and "mistral_mock" in block
    header = 'from mistral_fn import chat_complete\n\nMESSAGES = [{"role": "user", "content": "Hi"}]\n\n\n'
    done = _pytest(tmp_path, header + block)
    assert done.returncode == 0 and "1 passed" in done.stdout, done.stdout + done.stderr
