"""The incident log (/log): harassment written down, to attach to a complaint or a police report.

In memory by default, so entries vanish on restart. An operator turns on persistence by setting a
key (COLLECTION_GUARD_LOG_KEY, from `python -m bot log-key`); entries are then always encrypted
(Fernet), never plain text at rest:

- key only: one encrypted blob per user in the state store (SQLite by default, Redis for several
  workers), under a name derived from the user with the key (HMAC), so the store does not show who
  keeps a log;
- key and COLLECTION_GUARD_LOG_FILE: the older mode, all users in that one file (mode 600), for a
  single process. Still supported so that existing files keep working.

A file without a key, or a wrong key for the file or the store, is refused with a message.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.fernet import Fernet, InvalidToken

if TYPE_CHECKING:
    from bot.state.store import Store

FIELDS = ("recorded", "when", "how", "who", "what")
HEADERS = ("记录时间", "发生时间", "方式", "对方", "经过")
CHECK_BLOB = "incidents:key-check"  # a known value sealed with the key: a wrong key is refused at start
CHECK_VALUE = b"collection-guard incident log"


@dataclass(frozen=True)
class Incident:
    recorded: str  # when the user logged it, YYYY-MM-DD HH:MM
    when: str  # when it happened, as the user put it
    how: str
    who: str
    what: str


class IncidentLog:
    """Incidents per user key. Pass `key` with `path` (one file) or `store` to keep them encrypted."""

    def __init__(self, path: Path | None = None, key: str | None = None, store: Store | None = None) -> None:
        self.path = path
        if path and not key:
            raise ValueError("COLLECTION_GUARD_LOG_FILE is set but COLLECTION_GUARD_LOG_KEY is not: set the key "
                             "(make one with `python -m bot log-key`) or unset the file to keep the log in memory")
        try:
            self._fernet = Fernet(key.encode()) if (path or store is not None) and key else None
        except ValueError:
            raise ValueError("COLLECTION_GUARD_LOG_KEY is not a valid key: make one with "
                             "`python -m bot log-key`") from None
        self._store = store if self._fernet and not path else None
        self._signing = key.encode() if self._store is not None else b""
        if self._store is not None:
            self._check_key()
        self._entries: dict[str, list[Incident]] = self._read() if path else {}

    @classmethod
    def from_env(cls, store: Store | None = None) -> "IncidentLog":
        """COLLECTION_GUARD_LOG_FILE / COLLECTION_GUARD_LOG_KEY; with a key and no file, entries go to
        `store`, or to the configured state store (COLLECTION_GUARD_STORE) when none is given."""
        path, key = os.environ.get("COLLECTION_GUARD_LOG_FILE"), os.environ.get("COLLECTION_GUARD_LOG_KEY")
        if key and not path and store is None:
            from bot.config import Settings
            from bot.state.store import open_store

            store = open_store(Settings.from_env().store_url)
        return cls(Path(path) if path else None, key, store)

    @property
    def persistent(self) -> bool:
        """True when entries survive a restart (encrypted in a file or a lasting store)."""
        if self._store is not None:
            from bot.state.memory import MemoryStore

            return not isinstance(self._store, MemoryStore)
        return self._fernet is not None

    def add(self, user: str, incident: Incident) -> int:
        if self._store is not None:
            entries = self._load(user) + [incident]
            self._store.put_blob(self._blob_key(user), self._seal(entries))
            return len(entries)
        self._entries.setdefault(user, []).append(incident)
        self._write()
        return len(self._entries[user])

    def list(self, user: str) -> list[Incident]:
        if self._store is not None:
            return self._load(user)
        return list(self._entries.get(user, []))

    def clear(self, user: str) -> int:
        if self._store is not None:
            removed = len(self._load(user))
            self._store.delete_blob(self._blob_key(user))
            return removed
        removed = len(self._entries.pop(user, []))
        self._write()
        return removed

    # the store: one blob per user

    def _blob_key(self, user: str) -> str:
        return "incidents:" + hmac.new(self._signing, user.encode(), hashlib.sha256).hexdigest()[:32]

    def _seal(self, entries: list[Incident]) -> bytes:
        return self._fernet.encrypt(json.dumps([asdict(e) for e in entries], ensure_ascii=False).encode())

    def _load(self, user: str) -> list[Incident]:
        blob = self._store.get_blob(self._blob_key(user))
        if blob is None:
            return []
        try:
            return [Incident(**e) for e in json.loads(self._fernet.decrypt(blob))]
        except InvalidToken:
            raise ValueError("an incident log in the store cannot be decrypted with COLLECTION_GUARD_LOG_KEY; "
                             "use the key it was written with") from None

    def _check_key(self) -> None:
        blob = self._store.get_blob(CHECK_BLOB)
        if blob is None:
            self._store.put_blob(CHECK_BLOB, self._fernet.encrypt(CHECK_VALUE))
            return
        try:
            self._fernet.decrypt(blob)
        except InvalidToken:
            raise ValueError("the incident logs in the state store cannot be decrypted with COLLECTION_GUARD_LOG_KEY; "
                             "use the key they were written with, or point COLLECTION_GUARD_STORE elsewhere to "
                             "start empty logs") from None

    # the single file (COLLECTION_GUARD_LOG_FILE)

    def _read(self) -> dict[str, list[Incident]]:
        if not self._fernet or not self.path.exists():
            return {}
        try:
            data = json.loads(self._fernet.decrypt(self.path.read_bytes()))
        except InvalidToken:
            raise ValueError(f"{self.path}: cannot be decrypted with COLLECTION_GUARD_LOG_KEY; use the key it "
                             "was written with, or move the file away to start an empty log") from None
        return {user: [Incident(**e) for e in entries] for user, entries in data.items()}

    def _write(self) -> None:
        if not self._fernet or not self.path:
            return
        data = json.dumps({u: [asdict(e) for e in es] for u, es in self._entries.items() if es}, ensure_ascii=False)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_bytes(self._fernet.encrypt(data.encode()))
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.path)


def to_csv(incidents: list[Incident]) -> str:
    """UTF-8 with BOM so that Excel on Windows shows the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for incident in incidents:
        writer.writerow([getattr(incident, f) for f in FIELDS])
    return "\ufeff" + out.getvalue()
