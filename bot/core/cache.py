"""A folder for things that are slow to build and quick to load again.

The encoder's tokenizer tables and weights (bot.core.embedders) and jieba's dictionary split by
first character (bot.core.words) are kept here so that a worker starts in a fraction of a second.
`COLLECTION_GUARD_CACHE` names the folder; otherwise it is `cache/` in the data folder
(`COLLECTION_GUARD_DATA`, default `data/`). It is created on demand, everything in it may be
deleted at any time, and a file that is missing, stale or corrupt is rebuilt on the next start.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def cache_dir() -> Path:
    """COLLECTION_GUARD_CACHE, else <COLLECTION_GUARD_DATA or data/>/cache (not created here)."""
    explicit = os.environ.get("COLLECTION_GUARD_CACHE")
    if explicit:
        return Path(explicit)
    data = os.environ.get("COLLECTION_GUARD_DATA")
    if data:
        return Path(data) / "cache"
    from bot.config import ROOT  # here, not at the top: bot.config imports bot.core.embedders

    return ROOT / "data" / "cache"


def write_atomic(path: Path, chunks: Iterable[bytes]) -> None:
    """Write a file so that readers see the old one or the whole new one, never a part.

    Creates the folder (mode 700) when needed; raises OSError when it cannot.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_siblings(path: Path, prefix: str) -> None:
    """Delete older cache files named prefix* beside path (other versions), ignoring errors."""
    try:
        for other in path.parent.glob(f"{prefix}*"):
            if other != path and not other.name.startswith("."):
                other.unlink()
    except OSError:
        pass
