"""Zip a folder deterministically: the same files give the same bytes, whenever and wherever built."""

import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold; every entry gets it, whatever the file's mtime."""

FILE_MODE = stat.S_IFREG | 0o644
"""Every entry is a regular file readable by all: Lambda runs the code as another user than the owner."""


@dataclass(frozen=True)
class ZipStats:
    """What went into the zip."""

    files: int
    unzipped_bytes: int
    zipped_bytes: int


def write_zip(root: Path, output: Path) -> ZipStats:
    """Zip the files under `root` (paths relative to it) into `output`, replacing it only when complete.

    Entries are files only (no folder entries), sorted by path, with a fixed time, mode and
    creator system, deflated at level 9.
    """
    files = sorted((path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file())
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    unzipped = 0
    try:
        with os.fdopen(fd, "wb") as stream, zipfile.ZipFile(stream, "w") as archive:
            for name, path in files:
                data = path.read_bytes()
                unzipped += len(data)
                info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
                info.create_system = 3  # Unix, so the mode below is honoured; zipfile says 0 on Windows
                info.external_attr = FILE_MODE << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=9)
        os.chmod(partial, 0o644)  # mkstemp makes it 0600
        os.replace(partial, output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return ZipStats(files=len(files), unzipped_bytes=unzipped, zipped_bytes=output.stat().st_size)
