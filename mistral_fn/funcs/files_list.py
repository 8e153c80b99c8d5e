"""List Files: GET /v1/files."""

import threading
from collections.abc import Mapping, Sequence

from .._runtime.invoke import Call, Operation, Pages, invoke
from ..errors import CommonError
from ..models.file_purpose import FilePurpose
from ..models.list_files_out import ListFilesOut
from ..models.sample_type import SampleType
from ..models.source import Source
from ..result import Result
from ..session import RetryConfig, Session
from ..types import UNSET, Unset

FilesListError = CommonError

OPERATION = Operation(
    operation_id="files_api_routes_list_files",
    method="GET",
    path="/v1/files",
    ok={200: ListFilesOut},
    params={
        "page": int | Unset,
        "page_size": int | Unset,
        "include_total": bool | Unset,
        "sample_type": list[SampleType | str] | Unset,
        "source": list[Source | str] | Unset,
        "search": str | Unset,
        "purpose": FilePurpose | str | Unset,
        "mimetypes": list[str] | Unset,
    },
    pages=Pages(items="data", total="total", page_size=100),
)
"""What `files_list` sends and expects back."""


def files_list(
    session: Session,
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    sample_type: Sequence[SampleType | str] | None | Unset = UNSET,
    source: Sequence[Source | str] | None | Unset = UNSET,
    search: str | None | Unset = UNSET,
    purpose: FilePurpose | str | None | Unset = UNSET,
    mimetypes: Sequence[str] | None | Unset = UNSET,
    retries: RetryConfig | None = None,
    timeout_ms: int | None = None,
    server_url: str | None = None,
    http_headers: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    deadline_ms: int | None = None,
) -> Result[ListFilesOut, FilesListError]:
    """List Files.

    Returns a list of files that belong to the user's organization.

    Args:
        page: Default: 0.
        page_size: Default: 100.
        include_total: Default: True.
    """
    call = Call(retries, timeout_ms, server_url, http_headers, cancel, deadline_ms)
    return invoke(
        session,
        OPERATION,
        query={
            "page": page,
            "page_size": page_size,
            "include_total": include_total,
            "sample_type": sample_type,
            "source": source,
            "search": search,
            "purpose": purpose,
            "mimetypes": mimetypes,
        },
        call=call,
    )
