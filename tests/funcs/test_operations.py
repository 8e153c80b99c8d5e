"""Every operation of operations.tsv, called against a real server on 127.0.0.1.

One row per operation: realistic arguments, the request that must go out (method, path, query,
JSON body or multipart parts), and what the result must be. Replies are made from the spec's
schemas (`tests/codegen/samples.py`), or written out where the row says so.
"""

import datetime as dt
import email.parser
import email.policy
import json
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

import pytest

import mistral_fn
from codegen.spec import read_operations
from mistral_fn import Err, Ok, Session
from mistral_fn._runtime.streams import BinaryResponse, EventStream
from mistral_fn.errors import ResponseValidationError
from tests.codegen.samples import load, sample
from tests.loopback import Loopback, Recorded
from tests.not_run import skip_module_without_spec

skip_module_without_spec()

FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0"
JOB_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f09"
LIBRARY_ID = "0197dff2-7d7f-7d2d-9b62-3c3a1f3c0a2e"
DOCUMENT_ID = "0197dff3-1c4e-7e1a-8a43-6d2a6bbd5c11"
AGENT_ID = "ag_0197dfe5c3b17b6a8e5b2ad5a8a6f7c2"
CONVERSATION_ID = "conv_0197dfe6a1d87c1e9d4a3b2c1f0e9d8c"
FT_MODEL = "ft:open-mistral-7b:587a6b29:20240514:7e773925"
PAINTER = [{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}]
ROWS = {row.python_name: row for row in read_operations()}

COMPLETION_CHUNK = {
    "id": "cmpl-1",
    "object": "chat.completion.chunk",
    "created": 1759500534,
    "model": "mistral-small-latest",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Claude Monet"}, "finish_reason": None}],
}
COMPLETION_LAST = {**COMPLETION_CHUNK, "choices": [{"index": 0, "delta": {"content": "."}, "finish_reason": "stop"}]}
COMPLETION_SSE = [
    f"data: {json.dumps(COMPLETION_CHUNK)}\n\n".encode(),
    f"data: {json.dumps(COMPLETION_LAST)}\n\n".encode(),
    b"data: [DONE]\n\n",
]
CONVERSATION_SSE = [
    b'event: conversation.response.started\ndata: {"type": "conversation.response.started", '
    b'"conversation_id": "conv_1"}\n\n',
    b'event: message.output.delta\ndata: {"type": "message.output.delta", "id": "msg_1", "output_index": 0, '
    b'"content_index": 0, "content": "Monet"}\n\n',
    b'event: conversation.response.done\ndata: {"type": "conversation.response.done", '
    b'"usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}\n\n',
]
TRANSCRIPTION_SSE = [
    b'event: transcription.text.delta\ndata: {"type": "transcription.text.delta", "text": "Hello"}\n\n',
    b'event: transcription.done\ndata: {"type": "transcription.done", "text": "Hello", "model": "voxtral-mini-latest",'
    b' "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}, "segments": []}\n\n',
]


@dataclass
class Case:
    """One operation call and what must happen on the wire."""

    name: str
    kwargs: dict[str, Any]
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    body: Any = None
    """The expected JSON body (None: no body)."""
    parts: list[tuple[str, str | None, str | None, bytes]] | None = None
    """Expected multipart parts: (name, filename, content type, content)."""
    expect: str = ""
    """Name of the type `Ok` holds (`None` for no content)."""
    reply: Any = None
    """The JSON reply; None: a sample of the success schema."""
    status: int = 200
    sse: list[bytes] | None = None
    event: str = ""
    """Type name of each event's `data` (streams)."""


CASES = [
    Case(
        "agents_complete",
        {"agent_id": AGENT_ID, "messages": PAINTER, "max_tokens": 64},
        "/v1/agents/completions",
        body={"agent_id": AGENT_ID, "messages": PAINTER, "max_tokens": 64, "stream": False},
        expect="ChatCompletionResponse",
    ),
    Case(
        "agents_stream",
        {"agent_id": AGENT_ID, "messages": PAINTER},
        "/v1/agents/completions",
        body={"agent_id": AGENT_ID, "messages": PAINTER, "stream": True},
        sse=COMPLETION_SSE,
        expect="CompletionEvent",
        event="CompletionChunk",
    ),
    Case(
        "audio_transcriptions_complete",
        {"model": "voxtral-mini-latest", "file": ("obama.mp3", b"ID3 audio"), "language": "en"},
        "/v1/audio/transcriptions",
        parts=[
            ("model", None, None, b"voxtral-mini-latest"),
            ("language", None, None, b"en"),
            ("stream", None, None, b"false"),
            ("file", "obama.mp3", "audio/mpeg", b"ID3 audio"),
        ],
        expect="TranscriptionResponse",
    ),
    Case(
        "audio_transcriptions_stream",
        {"model": "voxtral-mini-latest", "file_url": "https://docs.mistral.ai/audio/obama.mp3"},
        "/v1/audio/transcriptions",
        parts=[
            ("model", None, None, b"voxtral-mini-latest"),
            ("file_url", None, None, b"https://docs.mistral.ai/audio/obama.mp3"),
            ("stream", None, None, b"true"),
        ],
        sse=TRANSCRIPTION_SSE,
        expect="TranscriptionStreamEvents",
        event="TranscriptionStreamTextDelta",
    ),
    Case("batch_jobs_cancel", {"job_id": JOB_ID}, f"/v1/batch/jobs/{JOB_ID}/cancel", expect="BatchJobOut"),
    Case(
        "batch_jobs_create",
        {"endpoint": "/v1/chat/completions", "input_files": [FILE_ID], "model": "mistral-small-latest"},
        "/v1/batch/jobs",
        body={"endpoint": "/v1/chat/completions", "input_files": [FILE_ID], "model": "mistral-small-latest"},
        expect="BatchJobOut",
    ),
    Case(
        "batch_jobs_get",
        {"job_id": JOB_ID, "inline": True},
        f"/v1/batch/jobs/{JOB_ID}",
        query=[("inline", "true")],
        expect="BatchJobOut",
    ),
    Case(
        "batch_jobs_list",
        {
            "page": 2,
            "status": ["RUNNING", "QUEUED"],
            "created_after": dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
            "metadata": {"team": "search"},
        },
        "/v1/batch/jobs",
        query=[
            ("page", "2"),
            ("team", "search"),
            ("created_after", "2025-01-02T03:04:05Z"),
            ("status", "RUNNING"),
            ("status", "QUEUED"),
        ],
        expect="BatchJobsOut",
    ),
    Case(
        "beta_agents_create",
        {"model": "mistral-medium-latest", "name": "Librarian", "tools": [{"type": "web_search"}]},
        "/v1/agents",
        body={"model": "mistral-medium-latest", "name": "Librarian", "tools": [{"type": "web_search"}]},
        expect="Agent",
    ),
    Case(
        "beta_agents_create_version_alias",
        {"agent_id": AGENT_ID, "alias": "production", "version": 2},
        f"/v1/agents/{AGENT_ID}/aliases",
        query=[("alias", "production"), ("version", "2")],
        expect="AgentAliasResponse",
    ),
    Case("beta_agents_delete", {"agent_id": AGENT_ID}, f"/v1/agents/{AGENT_ID}", status=204, expect="None"),
    Case(
        "beta_agents_get",
        {"agent_id": AGENT_ID, "agent_version": "production"},
        f"/v1/agents/{AGENT_ID}",
        query=[("agent_version", "production")],
        expect="Agent",
    ),
    Case(
        "beta_agents_get_version",
        {"agent_id": AGENT_ID, "version": "2"},
        f"/v1/agents/{AGENT_ID}/versions/2",
        expect="Agent",
    ),
    Case(
        "beta_agents_list",
        {"page": 0, "page_size": 20, "sources": ["api"], "metadata": {"team": "search"}},
        "/v1/agents",
        query=[("page", "0"), ("page_size", "20"), ("sources", "api"), ("metadata", '{"team":"search"}')],
        expect="list",
    ),
    Case(
        "beta_agents_list_version_aliases",
        {"agent_id": AGENT_ID},
        f"/v1/agents/{AGENT_ID}/aliases",
        expect="list",
    ),
    Case(
        "beta_agents_list_versions",
        {"agent_id": AGENT_ID, "page_size": 5},
        f"/v1/agents/{AGENT_ID}/versions",
        query=[("page_size", "5")],
        expect="list",
    ),
    Case(
        "beta_agents_update",
        {"agent_id": AGENT_ID, "instructions": "Answer in French.", "handoffs": None},
        f"/v1/agents/{AGENT_ID}",
        body={"instructions": "Answer in French.", "handoffs": None},
        expect="Agent",
    ),
    Case(
        "beta_agents_update_version",
        {"agent_id": AGENT_ID, "version": 1},
        f"/v1/agents/{AGENT_ID}/version",
        query=[("version", "1")],
        expect="Agent",
    ),
    Case(
        "beta_conversations_append",
        {"conversation_id": CONVERSATION_ID, "inputs": "And the best Italian one?", "store": True},
        f"/v1/conversations/{CONVERSATION_ID}",
        body={"inputs": "And the best Italian one?", "store": True, "stream": False},
        expect="ConversationResponse",
    ),
    Case(
        "beta_conversations_append_stream",
        {"conversation_id": CONVERSATION_ID, "inputs": [{"role": "user", "content": "And in Italy?"}]},
        f"/v1/conversations/{CONVERSATION_ID}",
        body={
            "inputs": [
                {"role": "user", "content": "And in Italy?", "object": "entry", "type": "message.input"},
            ],
            "stream": True,
        },
        sse=CONVERSATION_SSE,
        expect="ConversationEvents",
        event="ResponseStartedEvent",
    ),
    Case(
        "beta_conversations_delete",
        {"conversation_id": CONVERSATION_ID},
        f"/v1/conversations/{CONVERSATION_ID}",
        status=204,
        expect="None",
    ),
    Case(
        "beta_conversations_get",
        {"conversation_id": CONVERSATION_ID},
        f"/v1/conversations/{CONVERSATION_ID}",
        expect="ModelConversation",
    ),
    Case(
        "beta_conversations_get_history",
        {"conversation_id": CONVERSATION_ID},
        f"/v1/conversations/{CONVERSATION_ID}/history",
        expect="ConversationHistory",
    ),
    Case(
        "beta_conversations_get_messages",
        {"conversation_id": CONVERSATION_ID},
        f"/v1/conversations/{CONVERSATION_ID}/messages",
        expect="ConversationMessages",
    ),
    Case(
        "beta_conversations_list",
        {"page": 1, "metadata": {"project": "atlas"}},
        "/v1/conversations",
        query=[("page", "1"), ("metadata", '{"project":"atlas"}')],
        expect="list",
    ),
    Case(
        "beta_conversations_restart",
        {"conversation_id": CONVERSATION_ID, "inputs": "Ask me again.", "from_entry_id": "msg_1"},
        f"/v1/conversations/{CONVERSATION_ID}/restart",
        body={"inputs": "Ask me again.", "from_entry_id": "msg_1", "stream": False},
        expect="ConversationResponse",
    ),
    Case(
        "beta_conversations_restart_stream",
        {"conversation_id": CONVERSATION_ID, "inputs": "Ask me again.", "from_entry_id": "msg_1"},
        f"/v1/conversations/{CONVERSATION_ID}/restart",
        body={"inputs": "Ask me again.", "from_entry_id": "msg_1", "stream": True},
        sse=CONVERSATION_SSE,
        expect="ConversationEvents",
        event="ResponseStartedEvent",
    ),
    Case(
        "beta_conversations_start",
        {"model": "mistral-medium-latest", "inputs": "Who is the best French painter?", "store": False},
        "/v1/conversations",
        body={
            "model": "mistral-medium-latest",
            "inputs": "Who is the best French painter?",
            "store": False,
            "stream": False,
        },
        expect="ConversationResponse",
    ),
    Case(
        "beta_conversations_start_stream",
        {"agent_id": AGENT_ID, "inputs": "Who is the best French painter?"},
        "/v1/conversations",
        body={"agent_id": AGENT_ID, "inputs": "Who is the best French painter?", "stream": True},
        sse=CONVERSATION_SSE,
        expect="ConversationEvents",
        event="ResponseStartedEvent",
    ),
    Case(
        "beta_libraries_accesses_delete",
        {"library_id": LIBRARY_ID, "share_with_uuid": JOB_ID, "share_with_type": "Workspace"},
        f"/v1/libraries/{LIBRARY_ID}/share",
        body={"share_with_uuid": JOB_ID, "share_with_type": "Workspace"},
        expect="SharingOut",
    ),
    Case(
        "beta_libraries_accesses_list",
        {"library_id": LIBRARY_ID},
        f"/v1/libraries/{LIBRARY_ID}/share",
        expect="ListSharingOut",
    ),
    Case(
        "beta_libraries_accesses_update_or_create",
        {"library_id": LIBRARY_ID, "level": "Viewer", "share_with_uuid": JOB_ID, "share_with_type": "Workspace"},
        f"/v1/libraries/{LIBRARY_ID}/share",
        body={"level": "Viewer", "share_with_uuid": JOB_ID, "share_with_type": "Workspace"},
        expect="SharingOut",
    ),
    Case(
        "beta_libraries_create",
        {"name": "Product manuals", "description": "PDF manuals"},
        "/v1/libraries",
        body={"name": "Product manuals", "description": "PDF manuals"},
        status=201,
        expect="LibraryOut",
    ),
    Case("beta_libraries_delete", {"library_id": LIBRARY_ID}, f"/v1/libraries/{LIBRARY_ID}", expect="LibraryOut"),
    Case(
        "beta_libraries_documents_delete",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}",
        status=204,
        expect="None",
    ),
    Case(
        "beta_libraries_documents_extracted_text_signed_url",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}/extracted-text-signed-url",
        reply="https://files.example/extracted.txt?sig=abc",
        expect="str",
    ),
    Case(
        "beta_libraries_documents_get",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}",
        expect="DocumentOut",
    ),
    Case(
        "beta_libraries_documents_get_signed_url",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}/signed-url",
        reply="https://files.example/manual.pdf?sig=abc",
        expect="str",
    ),
    Case(
        "beta_libraries_documents_list",
        {"library_id": LIBRARY_ID, "search": "manual", "page_size": 50, "sort_order": "asc"},
        f"/v1/libraries/{LIBRARY_ID}/documents",
        query=[("search", "manual"), ("page_size", "50"), ("sort_order", "asc")],
        expect="ListDocumentOut",
    ),
    Case(
        "beta_libraries_documents_reprocess",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}/reprocess",
        status=204,
        expect="None",
    ),
    Case(
        "beta_libraries_documents_status",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}/status",
        expect="ProcessingStatusOut",
    ),
    Case(
        "beta_libraries_documents_text_content",
        {"library_id": LIBRARY_ID, "document_id": DOCUMENT_ID},
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}/text_content",
        expect="DocumentTextContent",
    ),
    Case(
        "beta_libraries_documents_update",
        {
            "library_id": LIBRARY_ID,
            "document_id": DOCUMENT_ID,
            "name": "Manual v2",
            "attributes": {"year": 2025, "tags": ["kettle", "manual"]},
        },
        f"/v1/libraries/{LIBRARY_ID}/documents/{DOCUMENT_ID}",
        body={"name": "Manual v2", "attributes": {"year": 2025, "tags": ["kettle", "manual"]}},
        expect="DocumentOut",
    ),
    Case(
        "beta_libraries_documents_upload",
        {"library_id": LIBRARY_ID, "file": ("notes.md", b"# Notes\n", "text/markdown")},
        f"/v1/libraries/{LIBRARY_ID}/documents",
        parts=[("file", "notes.md", "text/markdown", b"# Notes\n")],
        status=201,
        expect="DocumentOut",
    ),
    Case("beta_libraries_get", {"library_id": LIBRARY_ID}, f"/v1/libraries/{LIBRARY_ID}", expect="LibraryOut"),
    Case("beta_libraries_list", {}, "/v1/libraries", expect="ListLibraryOut"),
    Case(
        "beta_libraries_update",
        {"library_id": LIBRARY_ID, "description": None},
        f"/v1/libraries/{LIBRARY_ID}",
        body={"description": None},
        expect="LibraryOut",
    ),
    Case(
        "chat_complete",
        {
            "model": "mistral-large-latest",
            "messages": PAINTER,
            "temperature": 0.2,
            "response_format": {"type": "text"},
            "stop": ["\n\n"],
        },
        "/v1/chat/completions",
        body={
            "model": "mistral-large-latest",
            "messages": PAINTER,
            "temperature": 0.2,
            "response_format": {"type": "text"},
            "stop": ["\n\n"],
            "stream": False,
        },
        expect="ChatCompletionResponse",
    ),
    Case(
        "chat_stream",
        {"model": "mistral-large-latest", "messages": PAINTER},
        "/v1/chat/completions",
        body={"model": "mistral-large-latest", "messages": PAINTER, "stream": True},
        sse=COMPLETION_SSE,
        expect="CompletionEvent",
        event="CompletionChunk",
    ),
    Case(
        "classifiers_classify",
        {"model": "ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", "input": ["I love it!"]},
        "/v1/classifications",
        body={"model": "ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", "input": ["I love it!"]},
        expect="ClassificationResponse",
    ),
    Case(
        "classifiers_classify_chat",
        {"model": "ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", "input": {"messages": PAINTER}},
        "/v1/chat/classifications",
        body={"model": "ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", "input": {"messages": PAINTER}},
        expect="ClassificationResponse",
    ),
    Case(
        "classifiers_moderate",
        {"model": "mistral-moderation-latest", "input": "...text to classify..."},
        "/v1/moderations",
        body={"model": "mistral-moderation-latest", "input": "...text to classify..."},
        expect="ModerationResponse",
    ),
    Case(
        "classifiers_moderate_chat",
        {"model": "mistral-moderation-latest", "input": PAINTER},
        "/v1/chat/moderations",
        body={"model": "mistral-moderation-latest", "input": PAINTER},
        expect="ModerationResponse",
    ),
    Case(
        "embeddings_create",
        {"model": "mistral-embed", "input": ["Embed this sentence.", "As well as this one."], "output_dimension": 256},
        "/v1/embeddings",
        body={
            "model": "mistral-embed",
            "input": ["Embed this sentence.", "As well as this one."],
            "output_dimension": 256,
        },
        expect="EmbeddingResponse",
    ),
    Case("files_delete", {"file_id": FILE_ID}, f"/v1/files/{FILE_ID}", expect="DeleteFileOut"),
    Case("files_download", {"file_id": FILE_ID}, f"/v1/files/{FILE_ID}/content", expect="BinaryResponse"),
    Case(
        "files_get_signed_url",
        {"file_id": FILE_ID, "expiry": 1},
        f"/v1/files/{FILE_ID}/url",
        query=[("expiry", "1")],
        expect="FileSignedURL",
    ),
    Case(
        "files_list",
        {"purpose": "fine-tune", "sample_type": ["instruct", "pretrain"], "include_total": False},
        "/v1/files",
        query=[
            ("include_total", "false"),
            ("sample_type", "instruct"),
            ("sample_type", "pretrain"),
            ("purpose", "fine-tune"),
        ],
        expect="ListFilesOut",
    ),
    Case("files_retrieve", {"file_id": FILE_ID}, f"/v1/files/{FILE_ID}", expect="RetrieveFileOut"),
    Case(
        "files_upload",
        {"file": ("example.file.jsonl", b'{"messages": []}\n'), "purpose": "fine-tune"},
        "/v1/files",
        parts=[
            ("purpose", None, None, b"fine-tune"),
            ("file", "example.file.jsonl", "application/octet-stream", b'{"messages": []}\n'),
        ],
        expect="UploadFileOut",
    ),
    Case(
        "fim_complete",
        {"model": "codestral-latest", "prompt": "def", "suffix": "return a+b"},
        "/v1/fim/completions",
        body={"model": "codestral-latest", "prompt": "def", "suffix": "return a+b", "stream": False},
        expect="FIMCompletionResponse",
    ),
    Case(
        "fim_stream",
        {"model": "codestral-latest", "prompt": "def", "suffix": "return a+b"},
        "/v1/fim/completions",
        body={"model": "codestral-latest", "prompt": "def", "suffix": "return a+b", "stream": True},
        sse=COMPLETION_SSE,
        expect="CompletionEvent",
        event="CompletionChunk",
    ),
    Case(
        "fine_tuning_jobs_cancel",
        {"job_id": JOB_ID},
        f"/v1/fine_tuning/jobs/{JOB_ID}/cancel",
        expect="ClassifierDetailedJobOut",
    ),
    Case(
        "fine_tuning_jobs_create",
        {
            "model": "open-mistral-7b",
            "training_files": [{"file_id": FILE_ID, "weight": 1}],
            "hyperparameters": {"training_steps": 10, "learning_rate": 0.0001},
            "auto_start": False,
            "dry_run": True,
        },
        "/v1/fine_tuning/jobs",
        query=[("dry_run", "true")],
        body={
            "model": "open-mistral-7b",
            "training_files": [{"file_id": FILE_ID, "weight": 1}],
            "hyperparameters": {"training_steps": 10, "learning_rate": 0.0001},
            "auto_start": False,
        },
        reply={"details": "dry run", "expected_duration_seconds": 220, "cost": 10, "object": "job.metadata"},
        expect="LegacyJobMetadataOut",
    ),
    Case(
        "fine_tuning_jobs_get", {"job_id": JOB_ID}, f"/v1/fine_tuning/jobs/{JOB_ID}", expect="ClassifierDetailedJobOut"
    ),
    Case(
        "fine_tuning_jobs_list",
        {"status": "RUNNING", "created_by_me": True, "page_size": 10},
        "/v1/fine_tuning/jobs",
        query=[("page_size", "10"), ("created_by_me", "true"), ("status", "RUNNING")],
        expect="JobsOut",
    ),
    Case(
        "fine_tuning_jobs_start",
        {"job_id": JOB_ID},
        f"/v1/fine_tuning/jobs/{JOB_ID}/start",
        expect="ClassifierDetailedJobOut",
    ),
    Case(
        "models_archive",
        {"model_id": FT_MODEL},
        f"/v1/fine_tuning/models/{FT_MODEL}/archive",
        expect="ArchiveFTModelOut",
    ),
    Case("models_delete", {"model_id": FT_MODEL}, f"/v1/models/{FT_MODEL}", expect="DeleteModelOut"),
    Case("models_list", {}, "/v1/models", expect="ModelList"),
    Case("models_retrieve", {"model_id": FT_MODEL}, f"/v1/models/{FT_MODEL}", expect="BaseModelCard"),
    Case(
        "models_unarchive",
        {"model_id": FT_MODEL},
        f"/v1/fine_tuning/models/{FT_MODEL}/archive",
        expect="UnarchiveFTModelOut",
    ),
    Case(
        "models_update",
        {"model_id": FT_MODEL, "name": "Support bot"},
        f"/v1/fine_tuning/models/{FT_MODEL}",
        body={"name": "Support bot"},
        expect="ClassifierFTModelOut",
    ),
    Case(
        "ocr_process",
        {
            "model": "mistral-ocr-latest",
            "document": {"type": "document_url", "document_url": "https://arxiv.org/pdf/2201.04234"},
            "include_image_base64": True,
        },
        "/v1/ocr",
        body={
            "model": "mistral-ocr-latest",
            "document": {"type": "document_url", "document_url": "https://arxiv.org/pdf/2201.04234"},
            "include_image_base64": True,
        },
        expect="OCRResponse",
    ),
]
BY_NAME = {case.name: case for case in CASES}


def test_every_operation_has_a_case() -> None:
    """The table covers operations.tsv exactly."""
    assert sorted(BY_NAME) == sorted(ROWS)
    assert len(CASES) == len(BY_NAME) == 74


def success_schema(name: str) -> Any:
    """The JSON schema of the operation's first 2XX response."""
    row = ROWS[name]
    for spec_path_, item in load().doc["paths"].items():
        op = item.get(row.method.lower())
        if spec_path_.split("#")[0] == row.path and op and op["operationId"] == row.operation_id:
            for status, response in sorted(op["responses"].items()):
                if status.startswith("2") and "application/json" in (response.get("content") or {}):
                    return response["content"]["application/json"]["schema"]
    return None


def serve(server: Loopback, case: Case) -> None:
    if case.sse is not None:
        server.reply_sse(case.sse)
    elif case.expect == "None":
        server.reply(case.status)
    elif case.expect == "BinaryResponse":
        server.reply(200, b'{"prompt": "a"}\n{"prompt": "b"}\n', headers={"Content-Type": "application/octet-stream"})
    elif isinstance(case.reply, str):
        server.reply(case.status, json.dumps(case.reply), headers={"Content-Type": "application/json"})
    else:
        server.reply(case.status, case.reply if case.reply is not None else sample(success_schema(case.name)))


def multipart(request: Recorded) -> list[tuple[str, str | None, str | None, bytes]]:
    head = f"Content-Type: {request.header('Content-Type')}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    parts = []
    for part in message.iter_parts():
        parts.append(
            (
                part.get_param("name", header="content-disposition"),
                part.get_filename(),
                part.get("Content-Type"),
                part.get_payload(decode=True),
            )
        )
    return parts


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_operation_on_the_wire(case: Case) -> None:
    """The operation sends the spec's request and reads the reply as its declared model."""
    function = getattr(mistral_fn, case.name)
    method = ROWS[case.name].method
    with Loopback() as server:
        serve(server, case)
        session = Session(api_key="sk-test", server_url=server.url)
        result = function(session, **case.kwargs)
        assert result.ok, result
        value = result.value
        if case.sse is not None:
            with value:
                events = list(value)
            assert isinstance(value, EventStream)
            assert [type(e).__name__ for e in events] == [case.expect] * len(events)
            assert type(events[0].data).__name__ == case.event
        elif case.expect == "BinaryResponse":
            assert isinstance(value, BinaryResponse)
            with value:
                assert value.read() == b'{"prompt": "a"}\n{"prompt": "b"}\n'
        elif case.expect == "None":
            assert value is None
        else:
            assert type(value).__name__ == case.expect
        request = server.requests[0]

    assert request.method == method
    assert request.path == case.path
    assert request.query == case.query
    accept = {"BinaryResponse": "application/octet-stream"}.get(case.expect, "application/json")
    assert request.header("Accept") == ("text/event-stream" if case.sse is not None else accept)
    if case.parts is not None:
        assert request.header("Content-Type").startswith("multipart/form-data; boundary=")
        assert multipart(request) == case.parts
    elif case.body is not None:
        assert request.header("Content-Type") == "application/json"
        assert request.json() == case.body
    else:
        assert request.body == b""
        assert request.header("Content-Type") is None


STREAMING = [c for c in CASES if c.sse is not None]


@pytest.mark.parametrize("case", STREAMING, ids=[c.name for c in STREAMING])
def test_stream_cut_before_its_end_is_an_error(case: Case) -> None:
    """Where a stream has an end marker, a stream that stops without it raises; else it just ends."""
    function = getattr(mistral_fn, case.name)
    with Loopback() as server:
        server.reply_sse(case.sse[:1])
        session = Session(api_key="sk-test", server_url=server.url)
        with function(session, **case.kwargs).unwrap() as stream:
            outcomes = list(stream.results())
    ends_with_done = case.sse[-1] == b"data: [DONE]\n\n"
    assert outcomes[0].ok
    assert len(outcomes) == (2 if ends_with_done else 1)
    if ends_with_done:
        assert not outcomes[-1].ok


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_prepare_sends_nothing(case: Case) -> None:
    """`prepare(op, session, **kwargs)` gives the request the call would send (the same method,
    path, query and body the wire test sees arrive), and the server receives no request at all.

    `fine_tuning_jobs_create` takes the API's own `dry_run` like any query parameter: its case
    passes `dry_run=True`, which lands in the prepared query and sends nothing either."""
    function = getattr(mistral_fn, case.name)
    with Loopback() as server:
        session = Session(api_key="sk-test", server_url=server.url)
        result = mistral_fn.prepare(function, session, **case.kwargs)
        assert result.ok, result
        prepared = result.value
        assert server.requests == []
    url = urllib.parse.urlsplit(prepared.url)
    assert prepared.method == ROWS[case.name].method
    assert (url.scheme + "://" + url.netloc, url.path) == (server.url, case.path)
    assert urllib.parse.parse_qsl(url.query, keep_blank_values=True) == case.query
    content_type = prepared.headers.get("Content-Type")
    if case.parts is not None:
        assert content_type.startswith("multipart/form-data; boundary=")
    elif case.body is not None:
        assert content_type == "application/json"
        assert json.loads(prepared.body) == case.body
    else:
        assert prepared.body is None and content_type is None


def test_prepare_refuses_what_is_not_an_operation() -> None:
    """Anything else could send: `prepare` gives `Err(InvalidRequestError)` and calls nothing."""
    from mistral_fn.errors import InvalidRequestError

    called = []
    with Loopback() as server:
        session = Session(api_key="sk-test", server_url=server.url)
        result = mistral_fn.prepare(lambda s, **kw: called.append(kw), session, model="m")  # type: ignore[arg-type,return-value]
        assert server.requests == []
    assert isinstance(result, Err) and isinstance(result.error, InvalidRequestError)
    assert "prepare() takes an operation" in result.error.message and called == []


def test_input_that_does_not_fit_is_not_sent() -> None:
    """A value of the wrong type gives Err(InvalidRequestError) naming the field; nothing is sent."""
    from mistral_fn.errors import InvalidRequestError

    with Loopback() as server:
        session = Session(api_key="sk-test", server_url=server.url)
        result = mistral_fn.embeddings_create(session, model="mistral-embed", input=[1, 2])  # type: ignore[list-item]
        assert server.requests == []
    assert isinstance(result.error, InvalidRequestError)
    assert "input" in result.error.message


def test_agent_conversation_reads_as_agent_conversation() -> None:
    """beta_conversations_get tells an agent conversation from a model conversation."""
    reply = {
        "object": "conversation",
        "id": CONVERSATION_ID,
        "created_at": "2025-01-02T03:04:05Z",
        "updated_at": "2025-01-02T03:04:05Z",
        "agent_id": AGENT_ID,
    }
    with Loopback() as server:
        server.reply(200, reply)
        session = Session(api_key="sk-test", server_url=server.url)
        value = mistral_fn.beta_conversations_get(session, conversation_id=CONVERSATION_ID).unwrap()
    assert type(value).__name__ == "AgentConversation"
    assert value.agent_id == AGENT_ID


def response_examples() -> list[tuple[str, Any]]:
    """(operation, example) for every JSON success example the spec gives."""
    out = []
    for row in load().operations:
        if row.streaming:
            continue
        for item in load().doc["paths"].values():
            op = item.get(row.method.lower())
            if not op or op["operationId"] != row.operation_id:
                continue
            for status, response in op["responses"].items():
                content = (response.get("content") or {}).get("application/json") or {}
                for example in (content.get("examples") or {}).values():
                    if status.startswith("2"):
                        out.append((row.python_name, example["value"]))
    return out


# Spec defects in examples that are not what the server sends: each gets its own, asserted, answer.
DEFECTIVE_EXAMPLES = {
    "models_list": "the example is a bare list of cards, not the ModelList object the schema declares",
    "models_retrieve": "the example's tag key is `TYPE`, not `type`: an unknown tag, kept as a plain dict",
    "agents_complete": "the example's usage.prompt_audio_seconds is {} where the schema says integer or null",
}
EXAMPLE_CASES = [(name, example) for name, example in response_examples() if name not in DEFECTIVE_EXAMPLES]
DEFECTIVE_CASES = [(name, example) for name, example in response_examples() if name in DEFECTIVE_EXAMPLES]


@pytest.mark.parametrize(("name", "example"), DEFECTIVE_CASES)
def test_defective_spec_examples_get_the_lenient_or_error_answer(name: str, example: Any) -> None:
    """An example that does not fit its schema is Err(ResponseValidationError), or a plain dict for an unknown tag."""
    case = BY_NAME[name]
    with Loopback() as server:
        server.reply(200, example)
        session = Session(api_key="sk-test", server_url=server.url)
        result = getattr(mistral_fn, name)(session, **case.kwargs)
    if name == "models_retrieve":
        assert isinstance(result, Ok) and result.value == example, DEFECTIVE_EXAMPLES[name]
    else:
        assert isinstance(result, Err) and isinstance(result.error, ResponseValidationError), DEFECTIVE_EXAMPLES[name]


@pytest.mark.parametrize(("name", "example"), EXAMPLE_CASES)
def test_spec_response_examples_read_as_the_declared_model(name: str, example: Any) -> None:
    """The spec's own response examples read as the operation's success model, unknown keys kept."""
    case = BY_NAME[name]
    with Loopback() as server:
        server.reply(200, example)
        session = Session(api_key="sk-test", server_url=server.url)
        result = getattr(mistral_fn, name)(session, **case.kwargs)
    assert result.ok, result
    assert not isinstance(result.value, dict)
    assert mistral_fn._runtime.convert.to_json(result.value) == example
