import datetime

import attrs

from ..types import UNSET, Model, Unset


@attrs.define(kw_only=True, eq=False, repr=False)
class LibraryOut(Model):
    id: str

    name: str

    created_at: datetime.datetime

    updated_at: datetime.datetime

    owner_id: str | None

    owner_type: str

    total_size: int

    nb_documents: int

    chunk_size: int | None

    emoji: str | None | Unset = UNSET

    description: str | None | Unset = UNSET

    generated_description: str | None | Unset = UNSET

    explicit_user_members_count: int | None | Unset = UNSET

    explicit_workspace_members_count: int | None | Unset = UNSET

    org_sharing_role: str | None | Unset = UNSET

    generated_name: str | None | Unset = UNSET
    """Generated Name"""
