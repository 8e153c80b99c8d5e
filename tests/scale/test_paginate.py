"""paginate(): every item across pages, lazily; a failing page once; no endless loop on a server
that repeats a page; one Err for an operation that does not page."""

import json
import socket
from typing import Any

from mistral_fn import Err, Ok, Session, paginate
from mistral_fn.errors import InvalidRequestError, MistralError
from mistral_fn.funcs.beta_agents_list import beta_agents_list
from mistral_fn.funcs.beta_libraries_documents_list import beta_libraries_documents_list
from mistral_fn.funcs.chat_complete import chat_complete
from mistral_fn.funcs.files_list import files_list
from mistral_fn.models.file_schema import FileSchema
from tests.loopback import Loopback, Recorded, send_response


def _file(i: int) -> dict[str, Any]:
    return {
        "id": f"file-{i}",
        "object": "file",
        "bytes": 10,
        "created_at": 1,
        "filename": f"f{i}.jsonl",
        "purpose": "batch",
        "sample_type": "batch_request",
        "source": "upload",
    }


def _serve_pages(server: Loopback, page_of: Any, count: int = 20) -> None:
    """Answer each request with `page_of(page number, page_size)` (a JSON body)."""

    def handler(request: Recorded, conn: socket.socket) -> None:
        query = dict(request.query)
        body = page_of(int(query.get("page", "0")), int(query.get("page_size", "100")))
        send_response(conn, 200, json.dumps(body).encode(), {"Content-Type": "application/json"})

    for _ in range(count):
        server.reply_fn(handler)


def _pages(server: Loopback) -> list[int]:
    return [int(dict(r.query)["page"]) for r in server.requests]


def test_three_pages_then_empty(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(7)]
    _serve_pages(server, lambda page, size: {"object": "list", "data": files[page * size : (page + 1) * size]})
    results = list(paginate(files_list, session, purpose="batch", page_size=3))
    assert all(isinstance(r, Ok) for r in results)
    assert [r.value.id for r in results] == [f"file-{i}" for i in range(7)]
    assert all(isinstance(r.value, FileSchema) for r in results)
    assert _pages(server) == [0, 1, 2, 3]  # the fourth page is empty: the end
    assert all(dict(r.query)["purpose"] == "batch" and dict(r.query)["page_size"] == "3" for r in server.requests)


def test_stops_at_total_without_asking_for_an_empty_page(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(9)]
    _serve_pages(
        server,
        lambda page, size: {"object": "list", "data": files[page * size : (page + 1) * size], "total": 9},
    )
    assert len(list(paginate(files_list, session, page_size=3))) == 9
    assert _pages(server) == [0, 1, 2]


def test_total_in_a_nested_object(server: Loopback, session: Session) -> None:
    def page_of(page: int, size: int) -> dict[str, Any]:
        docs = [_document(i) for i in range(page * size, min(5, (page + 1) * size))]
        info = {"total_items": 5, "total_pages": 3, "current_page": page, "page_size": size, "has_more": page < 2}
        return {"pagination": info, "data": docs}

    _serve_pages(server, page_of)
    ids = [r.unwrap().id for r in paginate(beta_libraries_documents_list, session, library_id="lib-1", page_size=2)]
    assert ids == [f"doc-{i}" for i in range(5)]
    assert _pages(server) == [0, 1, 2]


def _document(i: int) -> dict[str, Any]:
    return {
        "id": f"doc-{i}",
        "library_id": "lib-1",
        "name": f"d{i}",
        "created_at": "2026-01-01T00:00:00Z",
        "size": 1,
        "hash": "h",
        "mime_type": "text/plain",
        "extension": "txt",
        "uploaded_by_id": None,
        "uploaded_by_type": "user",
        "processing_status": "done",
        "tokens_processing_total": 0,
    }


def test_a_bare_list_body(server: Loopback, session: Session) -> None:
    agents = [
        {
            "id": f"ag-{i}",
            "name": "a",
            "model": "m",
            "object": "agent",
            "version": 1,
            "versions": [1],
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
            "deployment_chat": False,
            "source": "api",
        }
        for i in range(5)
    ]
    _serve_pages(server, lambda page, size: agents[page * size : (page + 1) * size])
    assert [r.unwrap().id for r in paginate(beta_agents_list, session, page_size=2)] == [a["id"] for a in agents]
    assert _pages(server) == [0, 1, 2, 3]


def test_a_server_repeating_a_page_is_not_asked_forever(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(3)]
    _serve_pages(server, lambda page, size: {"object": "list", "data": files}, count=50)  # ignores `page`
    results = list(paginate(files_list, session, page_size=3))
    assert [r.unwrap().id for r in results] == ["file-0", "file-1", "file-2"]  # each item once
    assert _pages(server) == [0, 1]


def test_a_cycle_of_pages_is_noticed_too(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(4)]
    _serve_pages(server, lambda page, size: {"object": "list", "data": files[(page % 2) * 2 : (page % 2) * 2 + 2]}, 50)
    assert len(list(paginate(files_list, session, page_size=2))) == 4
    assert _pages(server) == [0, 1, 2]


def test_a_failing_page_is_yielded_once_and_ends_it(server: Loopback, session: Session) -> None:
    _serve_pages(server, lambda page, size: {"object": "list", "data": [_file(0), _file(1)]}, count=1)
    server.reply(500, {"message": "boom"})
    results = list(paginate(files_list, session, page_size=2))
    assert [type(r) for r in results] == [Ok, Ok, Err]
    assert isinstance(results[-1].error, MistralError) and results[-1].error.status_code == 500
    assert _pages(server) == [0, 1]


def test_lazy_one_page_at_a_time(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(6)]
    _serve_pages(server, lambda page, size: {"object": "list", "data": files[page * size : (page + 1) * size]})
    pages = paginate(files_list, session, page_size=2)
    assert len(server.requests) == 0  # nothing asked before the first item is wanted
    next(pages)
    next(pages)
    assert len(server.requests) == 1
    next(pages)
    assert len(server.requests) == 2
    pages.close()


def test_starting_page_is_honoured(server: Loopback, session: Session) -> None:
    files = [_file(i) for i in range(6)]
    _serve_pages(server, lambda page, size: {"object": "list", "data": files[page * size : (page + 1) * size]})
    assert [r.unwrap().id for r in paginate(files_list, session, page=2, page_size=2)] == ["file-4", "file-5"]


def test_not_a_paging_operation(server: Loopback, session: Session) -> None:
    results = list(paginate(chat_complete, session, model="m", messages=[]))
    assert len(results) == 1 and isinstance(results[0], Err)
    assert isinstance(results[0].error, InvalidRequestError)
    assert "chat_complete" in str(results[0].error)
    assert server.requests == []


def test_bad_arguments_are_the_operations_err(server: Loopback, session: Session) -> None:
    results = list(paginate(files_list, session, page_size="many"))
    assert len(results) == 1 and isinstance(results[0].error, InvalidRequestError)
    assert "page_size" in str(results[0].error)
    assert server.requests == []
