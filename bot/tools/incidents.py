"""The incident log (/log): harassment written down, to attach to a complaint or a police report.

In memory by default, so entries vanish on restart. An operator may turn on persistence to one
local file, always encrypted (Fernet) with a key from the environment; never plain text on disk.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

FIELDS = ("recorded", "when", "how", "who", "what")
HEADERS = ("记录时间", "发生时间", "方式", "对方", "经过")


@dataclass(frozen=True)
class Incident:
    recorded: str  # when the user logged it, YYYY-MM-DD HH:MM
    when: str  # when it happened, as the user put it
    how: str
    who: str
    what: str


class IncidentLog:
    """Incidents per user key. Pass `path` and `key` to keep them, encrypted, across restarts."""

    def __init__(self, path: Path | None = None, key: str | None = None) -> None:
        self.path = path
        if path and not key:
            raise ValueError("COLLECTION_GUARD_LOG_FILE is set but COLLECTION_GUARD_LOG_KEY is not: set the key "
                             "(make one with `python -m bot log-key`) or unset the file to keep the log in memory")
        try:
            self._fernet = Fernet(key.encode()) if path and key else None
        except ValueError:
            raise ValueError("COLLECTION_GUARD_LOG_KEY is not a valid key: make one with "
                             "`python -m bot log-key`") from None
        self._entries: dict[str, list[Incident]] = self._read()

    @classmethod
    def from_env(cls) -> "IncidentLog":
        path = os.environ.get("COLLECTION_GUARD_LOG_FILE")
        return cls(Path(path) if path else None, os.environ.get("COLLECTION_GUARD_LOG_KEY"))

    @property
    def persistent(self) -> bool:
        return self._fernet is not None

    def add(self, user: str, incident: Incident) -> int:
        self._entries.setdefault(user, []).append(incident)
        self._write()
        return len(self._entries[user])

    def list(self, user: str) -> list[Incident]:
        return list(self._entries.get(user, []))

    def clear(self, user: str) -> int:
        removed = len(self._entries.pop(user, []))
        self._write()
        return removed

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
        if not self._fernet:
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
