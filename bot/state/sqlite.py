"""The SQLite store: the embedded default, one file under the data directory.

State survives a restart of the process. WAL mode (readers never wait for the writer) with
synchronous=NORMAL: a commit is durable across a crash of the process, and across power loss up
to the last checkpoint, which is enough for conversations that expire after half an hour anyway.
One connection per thread; several processes on one machine may share the file (busy timeout),
but for several workers Redis is the store to use. Deleted rows are overwritten (secure_delete).
Expired sessions are checked on load and pruned every few hundred writes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, data TEXT NOT NULL, expires REAL NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_expires ON sessions (expires);
CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, at REAL NOT NULL, expires REAL NOT NULL);
CREATE INDEX IF NOT EXISTS hits_key_at ON hits (key, at);
CREATE INDEX IF NOT EXISTS hits_expires ON hits (expires);
CREATE TABLE IF NOT EXISTS counts (name TEXT NOT NULL, field TEXT NOT NULL, n INTEGER NOT NULL,
                                   PRIMARY KEY (name, field)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
"""
PRUNE_EVERY = 500  # writes between two prunes of expired rows


class SQLiteStore:
    def __init__(self, path: str | Path, clock=time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not self.path.exists():
            self.path.touch(mode=0o600)  # the -wal and -shm files take the database file's mode
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._writes = 0
        connection = self._connection()
        connection.executescript(SCHEMA)
        self._prune()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA secure_delete=ON")
            self._local.connection = connection
            with self._lock:
                self._connections.append(connection)
        return connection

    def _wrote(self) -> None:
        with self._lock:
            self._writes += 1
            due = self._writes % PRUNE_EVERY == 0
        if due:
            self._prune()

    def _prune(self) -> None:
        now = self._clock()
        with self._connection() as db:
            db.execute("DELETE FROM sessions WHERE expires <= ?", (now,))
            db.execute("DELETE FROM hits WHERE expires <= ?", (now,))

    def load_session(self, key: str) -> dict | None:
        row = self._connection().execute("SELECT data, expires FROM sessions WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        if row[1] <= self._clock():
            self.delete_session(key)
            return None
        return json.loads(row[0])

    def save_session(self, key: str, data: dict, idle_seconds: float) -> None:
        self._connection().execute(
            "INSERT INTO sessions (key, data, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires = excluded.expires",
            (key, json.dumps(data, ensure_ascii=False, separators=(",", ":")), self._clock() + idle_seconds))
        self._wrote()

    def delete_session(self, key: str) -> None:
        self._connection().execute("DELETE FROM sessions WHERE key = ?", (key,))

    def hit(self, key: str, window_seconds: float) -> int:
        now = self._clock()
        with self._connection() as db:  # one transaction: other processes see all of it or none
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM hits WHERE key = ? AND at <= ?", (key, now - window_seconds))
            db.execute("INSERT INTO hits (key, at, expires) VALUES (?, ?, ?)", (key, now, now + window_seconds))
            (count,) = db.execute("SELECT count(*) FROM hits WHERE key = ?", (key,)).fetchone()
        self._wrote()
        return count

    def add_count(self, name: str, field: str, n: int = 1) -> None:
        self._connection().execute(
            "INSERT INTO counts (name, field, n) VALUES (?, ?, ?) "
            "ON CONFLICT (name, field) DO UPDATE SET n = n + excluded.n", (name, field, int(n)))

    def counts(self, name: str) -> dict[str, int]:
        rows = self._connection().execute("SELECT field, n FROM counts WHERE name = ?", (name,))
        return {field: n for field, n in rows}

    def get_blob(self, key: str) -> bytes | None:
        row = self._connection().execute("SELECT value FROM blobs WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def put_blob(self, key: str, value: bytes) -> None:
        self._connection().execute(
            "INSERT INTO blobs (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, bytes(value)))

    def delete_blob(self, key: str) -> None:
        self._connection().execute("DELETE FROM blobs WHERE key = ?", (key,))

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            try:
                connection.close()
            except sqlite3.ProgrammingError:
                pass
        self._local = threading.local()
