"""The usage example of each operation in FUNCTIONS.md.

Arguments are written here once, with values from the spec's examples where it has them (model
names, the painter prompt, `ft:open-mistral-7b:587a6b29:20240514:7e773925`, file ids); `example()`
checks them against the planned keywords, so an example cannot name a keyword the function lacks
or leave out a required one. Each example assumes only an existing `session`.
"""

import ast
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .operations import OperationPlan

FILE_ID = "e85980c9-409e-4a46-9304-36588f6292b0"
JOB_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f09"
LIBRARY_ID = "0197dff2-7d7f-7d2d-9b62-3c3a1f3c0a2e"
DOCUMENT_ID = "0197dff3-1c4e-7e1a-8a43-6d2a6bbd5c11"
AGENT_ID = "ag_0197dfe5c3b17b6a8e5b2ad5a8a6f7c2"
CONVERSATION_ID = "conv_0197dfe6a1d87c1e9d4a3b2c1f0e9d8c"
FT_MODEL = "ft:open-mistral-7b:587a6b29:20240514:7e773925"
PAINTER = '[{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}]'

ARGUMENTS: dict[str, str] = {
    "agents_complete": f'agent_id="{AGENT_ID}", messages={PAINTER}',
    "agents_stream": f'agent_id="{AGENT_ID}", messages={PAINTER}',
    "audio_transcriptions_complete": 'model="voxtral-mini-latest", file_url="https://docs.mistral.ai/audio/obama.mp3"',
    "audio_transcriptions_stream": 'model="voxtral-mini-latest", file_url="https://docs.mistral.ai/audio/obama.mp3"',
    "batch_jobs_cancel": f'job_id="{JOB_ID}"',
    "batch_jobs_create": f'endpoint="/v1/chat/completions", model="mistral-small-latest", input_files=["{FILE_ID}"]',
    "batch_jobs_get": f'job_id="{JOB_ID}"',
    "batch_jobs_list": 'status=["RUNNING", "QUEUED"]',
    "beta_agents_create": (
        'model="mistral-medium-latest", name="Librarian", instructions="Answer from the library only.", '
        'tools=[{"type": "web_search"}]'
    ),
    "beta_agents_create_version_alias": f'agent_id="{AGENT_ID}", alias="production", version=2',
    "beta_agents_delete": f'agent_id="{AGENT_ID}"',
    "beta_agents_get": f'agent_id="{AGENT_ID}"',
    "beta_agents_get_version": f'agent_id="{AGENT_ID}", version="2"',
    "beta_agents_list": "page=0, page_size=20",
    "beta_agents_list_version_aliases": f'agent_id="{AGENT_ID}"',
    "beta_agents_list_versions": f'agent_id="{AGENT_ID}"',
    "beta_agents_update": f'agent_id="{AGENT_ID}", instructions="Answer in French."',
    "beta_agents_update_version": f'agent_id="{AGENT_ID}", version=1',
    "beta_conversations_append": f'conversation_id="{CONVERSATION_ID}", inputs="And the best Italian one?"',
    "beta_conversations_append_stream": f'conversation_id="{CONVERSATION_ID}", inputs="And the best Italian one?"',
    "beta_conversations_delete": f'conversation_id="{CONVERSATION_ID}"',
    "beta_conversations_get": f'conversation_id="{CONVERSATION_ID}"',
    "beta_conversations_get_history": f'conversation_id="{CONVERSATION_ID}"',
    "beta_conversations_get_messages": f'conversation_id="{CONVERSATION_ID}"',
    "beta_conversations_list": "page=0, page_size=20",
    "beta_conversations_restart": (
        f'conversation_id="{CONVERSATION_ID}", from_entry_id="msg_0197dfe6b2c3", inputs="Ask me again."'
    ),
    "beta_conversations_restart_stream": (
        f'conversation_id="{CONVERSATION_ID}", from_entry_id="msg_0197dfe6b2c3", inputs="Ask me again."'
    ),
    "beta_conversations_start": 'model="mistral-medium-latest", inputs="Who is the best French painter?"',
    "beta_conversations_start_stream": 'model="mistral-medium-latest", inputs="Who is the best French painter?"',
    "beta_libraries_accesses_delete": (
        f'library_id="{LIBRARY_ID}", share_with_uuid="{JOB_ID}", share_with_type="Workspace"'
    ),
    "beta_libraries_accesses_list": f'library_id="{LIBRARY_ID}"',
    "beta_libraries_accesses_update_or_create": (
        f'library_id="{LIBRARY_ID}", level="Viewer", share_with_uuid="{JOB_ID}", share_with_type="Workspace"'
    ),
    "beta_libraries_create": 'name="Product manuals", description="PDF manuals of every product we sell"',
    "beta_libraries_delete": f'library_id="{LIBRARY_ID}"',
    "beta_libraries_documents_delete": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_extracted_text_signed_url": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_get": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_get_signed_url": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_list": f'library_id="{LIBRARY_ID}", search="manual", page_size=50',
    "beta_libraries_documents_reprocess": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_status": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_text_content": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}"',
    "beta_libraries_documents_update": f'library_id="{LIBRARY_ID}", document_id="{DOCUMENT_ID}", name="Manual v2"',
    "beta_libraries_documents_upload": (
        f'library_id="{LIBRARY_ID}", file=("notes.md", b"# Notes\\n\\nThe kettle boils in 90 s.\\n", "text/markdown")'
    ),
    "beta_libraries_get": f'library_id="{LIBRARY_ID}"',
    "beta_libraries_list": "",
    "beta_libraries_update": f'library_id="{LIBRARY_ID}", description="Manuals, 2025 edition"',
    "chat_complete": f'model="mistral-large-latest", messages={PAINTER}',
    "chat_stream": f'model="mistral-large-latest", messages={PAINTER}',
    "classifiers_classify": 'model="ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", input="I love it!"',
    "classifiers_classify_chat": (
        'model="ft:classifier:ministral-3b-latest:82f7a6c3:20250318:0b1e2c99", '
        'input={"messages": [{"role": "user", "content": "I love it!"}]}'
    ),
    "classifiers_moderate": 'model="mistral-moderation-latest", input=["...text to classify..."]',
    "classifiers_moderate_chat": (
        'model="mistral-moderation-latest", input=[{"role": "user", "content": "...text to classify..."}]'
    ),
    "embeddings_create": 'model="mistral-embed", input=["Embed this sentence.", "As well as this one."]',
    "files_delete": f'file_id="{FILE_ID}"',
    "files_download": f'file_id="{FILE_ID}"',
    "files_get_signed_url": f'file_id="{FILE_ID}", expiry=24',
    "files_list": 'purpose="fine-tune"',
    "files_retrieve": f'file_id="{FILE_ID}"',
    "files_upload": (
        'purpose="fine-tune", '
        'file=("example.file.jsonl", b\'{"messages": [{"role": "user", "content": "Hi"}, '
        '{"role": "assistant", "content": "Hello!"}]}\\n\')'
    ),
    "fim_complete": 'model="codestral-latest", prompt="def", suffix="return a+b"',
    "fim_stream": 'model="codestral-latest", prompt="def", suffix="return a+b"',
    "fine_tuning_jobs_cancel": f'job_id="{JOB_ID}"',
    "fine_tuning_jobs_create": (
        f'model="open-mistral-7b", training_files=[{{"file_id": "{FILE_ID}", "weight": 1}}], '
        'hyperparameters={"training_steps": 10, "learning_rate": 0.0001}, auto_start=False'
    ),
    "fine_tuning_jobs_get": f'job_id="{JOB_ID}"',
    "fine_tuning_jobs_list": 'status="RUNNING", created_by_me=True',
    "fine_tuning_jobs_start": f'job_id="{JOB_ID}"',
    "models_archive": f'model_id="{FT_MODEL}"',
    "models_delete": f'model_id="{FT_MODEL}"',
    "models_list": "",
    "models_retrieve": f'model_id="{FT_MODEL}"',
    "models_unarchive": f'model_id="{FT_MODEL}"',
    "models_update": f'model_id="{FT_MODEL}", name="Support bot", description="Answers support tickets"',
    "ocr_process": (
        'model="mistral-ocr-latest", '
        'document={"type": "document_url", "document_url": "https://arxiv.org/pdf/2201.04234"}'
    ),
}

SHOW: dict[str, str] = {
    "agents_complete": "response.choices[0].message.content",
    "audio_transcriptions_complete": "response.text",
    "chat_complete": "response.choices[0].message.content",
    "classifiers_moderate": "[r.categories for r in response.results]",
    "classifiers_moderate_chat": "[r.categories for r in response.results]",
    "embeddings_create": "[len(d.embedding or []) for d in response.data]",
    "fim_complete": "response.choices[0].message.content",
    "files_list": "[f.filename for f in response.data]",
    "files_upload": "response.id",
    "models_list": 'len(response.data or []), "models"',
    "ocr_process": "response.pages[0].markdown",
}
"""What a successful example prints, where there is something better than the whole value."""

EVENT = {
    "chat_stream": 'print(event.data.choices[0].delta.content or "", end="")',
    "fim_stream": 'print(event.data.choices[0].delta.content or "", end="")',
    "agents_stream": 'print(event.data.choices[0].delta.content or "", end="")',
}


def example(op: "OperationPlan") -> str:
    """A self-contained usage example that needs only `session`."""
    args = ARGUMENTS.get(op.name)
    if args is None:  # an operation without a written example: placeholders for what it requires
        args = ", ".join(f'{k.name}="<{k.name}>"' for k in op.keywords if k.required)
    check_arguments(op, args)
    call = f"{op.name}(session, {args})" if args else f"{op.name}(session)"
    lines = [f"from mistral_fn import Err, Ok, {op.name}", ""]
    if len(call) > 100:
        call = f"{op.name}(\n    session,\n    " + ",\n    ".join(_split_arguments(args)) + ",\n)"
    lines.append(f"result = {call}")
    lines.append("match result:")
    if op.streaming:
        lines += [
            "    case Ok(stream):",
            "        with stream:",
            "            for event in stream:",
            f"                {EVENT.get(op.name, 'print(event.data)')}",
        ]
    elif op.response_type == "None":
        lines += ["    case Ok():", '        print("done")']
    elif op.response_type == "BinaryResponse":
        lines += [
            "    case Ok(download):",
            "        with download:",
            '            written = download.save("downloaded.jsonl")',
            '        print(f"saved {written} bytes")',
        ]
    else:
        lines += ["    case Ok(response):", f"        print({SHOW.get(op.name, 'response')})"]
    lines += ["    case Err(error):", '        print(f"{type(error).__name__}: {error}")']
    return "\n".join(lines)


def check_arguments(op: "OperationPlan", args: str) -> None:
    call = ast.parse(f"f({args})", mode="eval").body
    assert isinstance(call, ast.Call)
    given = {k.arg for k in call.keywords if k.arg is not None}  # None: a `**mapping`
    known = {k.name for k in op.keywords}
    missing = {k.name for k in op.keywords if k.required} - given
    unknown = given - known
    if missing or unknown:
        raise ValueError(f"example of {op.name}: missing {sorted(missing)}, unknown {sorted(unknown)}")


def _split_arguments(args: str) -> list[str]:
    call = ast.parse(f"f({args})", mode="eval").body
    assert isinstance(call, ast.Call)
    return [f"{k.arg}={ast.get_source_segment(f'f({args})', k.value)}" for k in call.keywords]
