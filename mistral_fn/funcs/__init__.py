"""The operations of the Mistral AI API, one module each.

    from mistral_fn.funcs.chat_complete import chat_complete

`mistral_fn` re-exports them lazily; this index imports none of them.

Per-call options, accepted by every operation after its own keywords:

- `retries`: a `RetryConfig` for this call, instead of the session's.
- `timeout_ms`: the timeout of each attempt in milliseconds (default: the session's, 5 minutes).
- `server_url`: send this call to another base URL.
- `http_headers`: extra request headers.
- `cancel`: a `threading.Event`; once set, the call stops with `Err(RequestAbortedError)`.
- `deadline_ms`: one budget in milliseconds for the whole call, retries and waits included.

To build the request an operation would send without sending it, hooks applied, call
`prepare(operation, session, **kwargs)`: `Ok(PreparedRequest)` or `Err(InvalidRequestError)`.
"""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._runtime.invoke import Operation
    from .agents_complete import agents_complete as agents_complete
    from .agents_stream import agents_stream as agents_stream
    from .audio_transcriptions_complete import audio_transcriptions_complete as audio_transcriptions_complete
    from .audio_transcriptions_stream import audio_transcriptions_stream as audio_transcriptions_stream
    from .batch_jobs_cancel import batch_jobs_cancel as batch_jobs_cancel
    from .batch_jobs_create import batch_jobs_create as batch_jobs_create
    from .batch_jobs_get import batch_jobs_get as batch_jobs_get
    from .batch_jobs_list import batch_jobs_list as batch_jobs_list
    from .beta_agents_create import beta_agents_create as beta_agents_create
    from .beta_agents_create_version_alias import beta_agents_create_version_alias as beta_agents_create_version_alias
    from .beta_agents_delete import beta_agents_delete as beta_agents_delete
    from .beta_agents_get import beta_agents_get as beta_agents_get
    from .beta_agents_get_version import beta_agents_get_version as beta_agents_get_version
    from .beta_agents_list import beta_agents_list as beta_agents_list
    from .beta_agents_list_version_aliases import beta_agents_list_version_aliases as beta_agents_list_version_aliases
    from .beta_agents_list_versions import beta_agents_list_versions as beta_agents_list_versions
    from .beta_agents_update import beta_agents_update as beta_agents_update
    from .beta_agents_update_version import beta_agents_update_version as beta_agents_update_version
    from .beta_conversations_append import beta_conversations_append as beta_conversations_append
    from .beta_conversations_append_stream import beta_conversations_append_stream as beta_conversations_append_stream
    from .beta_conversations_delete import beta_conversations_delete as beta_conversations_delete
    from .beta_conversations_get import beta_conversations_get as beta_conversations_get
    from .beta_conversations_get_history import beta_conversations_get_history as beta_conversations_get_history
    from .beta_conversations_get_messages import beta_conversations_get_messages as beta_conversations_get_messages
    from .beta_conversations_list import beta_conversations_list as beta_conversations_list
    from .beta_conversations_restart import beta_conversations_restart as beta_conversations_restart
    from .beta_conversations_restart_stream import (
        beta_conversations_restart_stream as beta_conversations_restart_stream,
    )
    from .beta_conversations_start import beta_conversations_start as beta_conversations_start
    from .beta_conversations_start_stream import beta_conversations_start_stream as beta_conversations_start_stream
    from .beta_libraries_accesses_delete import beta_libraries_accesses_delete as beta_libraries_accesses_delete
    from .beta_libraries_accesses_list import beta_libraries_accesses_list as beta_libraries_accesses_list
    from .beta_libraries_accesses_update_or_create import (
        beta_libraries_accesses_update_or_create as beta_libraries_accesses_update_or_create,
    )
    from .beta_libraries_create import beta_libraries_create as beta_libraries_create
    from .beta_libraries_delete import beta_libraries_delete as beta_libraries_delete
    from .beta_libraries_documents_delete import beta_libraries_documents_delete as beta_libraries_documents_delete
    from .beta_libraries_documents_extracted_text_signed_url import (
        beta_libraries_documents_extracted_text_signed_url as beta_libraries_documents_extracted_text_signed_url,
    )
    from .beta_libraries_documents_get import beta_libraries_documents_get as beta_libraries_documents_get
    from .beta_libraries_documents_get_signed_url import (
        beta_libraries_documents_get_signed_url as beta_libraries_documents_get_signed_url,
    )
    from .beta_libraries_documents_list import beta_libraries_documents_list as beta_libraries_documents_list
    from .beta_libraries_documents_reprocess import (
        beta_libraries_documents_reprocess as beta_libraries_documents_reprocess,
    )
    from .beta_libraries_documents_status import beta_libraries_documents_status as beta_libraries_documents_status
    from .beta_libraries_documents_text_content import (
        beta_libraries_documents_text_content as beta_libraries_documents_text_content,
    )
    from .beta_libraries_documents_update import beta_libraries_documents_update as beta_libraries_documents_update
    from .beta_libraries_documents_upload import beta_libraries_documents_upload as beta_libraries_documents_upload
    from .beta_libraries_get import beta_libraries_get as beta_libraries_get
    from .beta_libraries_list import beta_libraries_list as beta_libraries_list
    from .beta_libraries_update import beta_libraries_update as beta_libraries_update
    from .chat_complete import chat_complete as chat_complete
    from .chat_stream import chat_stream as chat_stream
    from .classifiers_classify import classifiers_classify as classifiers_classify
    from .classifiers_classify_chat import classifiers_classify_chat as classifiers_classify_chat
    from .classifiers_moderate import classifiers_moderate as classifiers_moderate
    from .classifiers_moderate_chat import classifiers_moderate_chat as classifiers_moderate_chat
    from .embeddings_create import embeddings_create as embeddings_create
    from .files_delete import files_delete as files_delete
    from .files_download import files_download as files_download
    from .files_get_signed_url import files_get_signed_url as files_get_signed_url
    from .files_list import files_list as files_list
    from .files_retrieve import files_retrieve as files_retrieve
    from .files_upload import files_upload as files_upload
    from .fim_complete import fim_complete as fim_complete
    from .fim_stream import fim_stream as fim_stream
    from .fine_tuning_jobs_cancel import fine_tuning_jobs_cancel as fine_tuning_jobs_cancel
    from .fine_tuning_jobs_create import fine_tuning_jobs_create as fine_tuning_jobs_create
    from .fine_tuning_jobs_get import fine_tuning_jobs_get as fine_tuning_jobs_get
    from .fine_tuning_jobs_list import fine_tuning_jobs_list as fine_tuning_jobs_list
    from .fine_tuning_jobs_start import fine_tuning_jobs_start as fine_tuning_jobs_start
    from .models_archive import models_archive as models_archive
    from .models_delete import models_delete as models_delete
    from .models_list import models_list as models_list
    from .models_retrieve import models_retrieve as models_retrieve
    from .models_unarchive import models_unarchive as models_unarchive
    from .models_update import models_update as models_update
    from .ocr_process import ocr_process as ocr_process

OPERATIONS = frozenset(
    {
        "agents_complete",
        "agents_stream",
        "audio_transcriptions_complete",
        "audio_transcriptions_stream",
        "batch_jobs_cancel",
        "batch_jobs_create",
        "batch_jobs_get",
        "batch_jobs_list",
        "beta_agents_create",
        "beta_agents_create_version_alias",
        "beta_agents_delete",
        "beta_agents_get",
        "beta_agents_get_version",
        "beta_agents_list",
        "beta_agents_list_version_aliases",
        "beta_agents_list_versions",
        "beta_agents_update",
        "beta_agents_update_version",
        "beta_conversations_append",
        "beta_conversations_append_stream",
        "beta_conversations_delete",
        "beta_conversations_get",
        "beta_conversations_get_history",
        "beta_conversations_get_messages",
        "beta_conversations_list",
        "beta_conversations_restart",
        "beta_conversations_restart_stream",
        "beta_conversations_start",
        "beta_conversations_start_stream",
        "beta_libraries_accesses_delete",
        "beta_libraries_accesses_list",
        "beta_libraries_accesses_update_or_create",
        "beta_libraries_create",
        "beta_libraries_delete",
        "beta_libraries_documents_delete",
        "beta_libraries_documents_extracted_text_signed_url",
        "beta_libraries_documents_get",
        "beta_libraries_documents_get_signed_url",
        "beta_libraries_documents_list",
        "beta_libraries_documents_reprocess",
        "beta_libraries_documents_status",
        "beta_libraries_documents_text_content",
        "beta_libraries_documents_update",
        "beta_libraries_documents_upload",
        "beta_libraries_get",
        "beta_libraries_list",
        "beta_libraries_update",
        "chat_complete",
        "chat_stream",
        "classifiers_classify",
        "classifiers_classify_chat",
        "classifiers_moderate",
        "classifiers_moderate_chat",
        "embeddings_create",
        "files_delete",
        "files_download",
        "files_get_signed_url",
        "files_list",
        "files_retrieve",
        "files_upload",
        "fim_complete",
        "fim_stream",
        "fine_tuning_jobs_cancel",
        "fine_tuning_jobs_create",
        "fine_tuning_jobs_get",
        "fine_tuning_jobs_list",
        "fine_tuning_jobs_start",
        "models_archive",
        "models_delete",
        "models_list",
        "models_retrieve",
        "models_unarchive",
        "models_update",
        "ocr_process",
    }
)
"""The name of every operation; each is the function of that name in the module of that name."""

__all__ = [
    "agents_complete",
    "agents_stream",
    "audio_transcriptions_complete",
    "audio_transcriptions_stream",
    "batch_jobs_cancel",
    "batch_jobs_create",
    "batch_jobs_get",
    "batch_jobs_list",
    "beta_agents_create",
    "beta_agents_create_version_alias",
    "beta_agents_delete",
    "beta_agents_get",
    "beta_agents_get_version",
    "beta_agents_list",
    "beta_agents_list_version_aliases",
    "beta_agents_list_versions",
    "beta_agents_update",
    "beta_agents_update_version",
    "beta_conversations_append",
    "beta_conversations_append_stream",
    "beta_conversations_delete",
    "beta_conversations_get",
    "beta_conversations_get_history",
    "beta_conversations_get_messages",
    "beta_conversations_list",
    "beta_conversations_restart",
    "beta_conversations_restart_stream",
    "beta_conversations_start",
    "beta_conversations_start_stream",
    "beta_libraries_accesses_delete",
    "beta_libraries_accesses_list",
    "beta_libraries_accesses_update_or_create",
    "beta_libraries_create",
    "beta_libraries_delete",
    "beta_libraries_documents_delete",
    "beta_libraries_documents_extracted_text_signed_url",
    "beta_libraries_documents_get",
    "beta_libraries_documents_get_signed_url",
    "beta_libraries_documents_list",
    "beta_libraries_documents_reprocess",
    "beta_libraries_documents_status",
    "beta_libraries_documents_text_content",
    "beta_libraries_documents_update",
    "beta_libraries_documents_upload",
    "beta_libraries_get",
    "beta_libraries_list",
    "beta_libraries_update",
    "chat_complete",
    "chat_stream",
    "classifiers_classify",
    "classifiers_classify_chat",
    "classifiers_moderate",
    "classifiers_moderate_chat",
    "embeddings_create",
    "files_delete",
    "files_download",
    "files_get_signed_url",
    "files_list",
    "files_retrieve",
    "files_upload",
    "fim_complete",
    "fim_stream",
    "fine_tuning_jobs_cancel",
    "fine_tuning_jobs_create",
    "fine_tuning_jobs_get",
    "fine_tuning_jobs_list",
    "fine_tuning_jobs_start",
    "models_archive",
    "models_delete",
    "models_list",
    "models_retrieve",
    "models_unarchive",
    "models_update",
    "ocr_process",
]


def operation_of(function: Callable[..., Any]) -> "Operation":
    """The `Operation` an operation function sends (`operation_of(files_list).pages`).

    Raises `ValueError` for a function that is not one of the operations above.
    """
    name = getattr(function, "__name__", "")
    if name not in OPERATIONS or getattr(function, "__module__", "") != f"{__name__}.{name}":
        raise ValueError(f"not an operation of mistral_fn: {function!r}")
    operation: Operation = importlib.import_module(f"{__name__}.{name}").OPERATION
    return operation
