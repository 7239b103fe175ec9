"""The one interface behind which the bot keeps state, and `open_store(url)` to pick a backend.

What is kept: sessions (dialogue state and a running tool flow, as JSON-ready dicts, expiring after
a period without a save), flood counters (events per key in a sliding window), named counters
(👍/👎 per passage, refused and clarify topics) and opaque blobs (the encrypted incident logs).
No raw message text is ever stored: sessions hold topics, figures and an embedding; the free text
a user types into /letter or /log is sealed before it reaches a store (see `bot.state.sessions`).

Backends: "memory" (one process, tests), "sqlite:///relative/path" or "sqlite:////absolute/path"
(the embedded default, a file under the data directory), "redis://host:port/db" (several workers).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

# Counter names (Store.add_count / Store.counts) used across the bot; `python -m bot feedback` reads them.
# Fields are passage ids and topic ids from knowledge/ (never text); "none" when a message had no topic.
FEEDBACK = "feedback"  # "up:<passage id>" / "down:<passage id>": 👍/👎 under an answer
REFUSED = "refused"  # "<topic id>" | "none": a message the bot declined as out of scope
CLARIFY = "clarify"  # "<topic id>" | "none": a message the bot answered by asking which situation it is

@runtime_checkable
class Store(Protocol):
    def load_session(self, key: str) -> dict | None:
        """The session saved under key, or None when absent or expired."""

    def save_session(self, key: str, data: dict, idle_seconds: float) -> None:
        """Keep a JSON-ready dict; it expires after idle_seconds without another save."""

    def delete_session(self, key: str) -> None: ...

    def hit(self, key: str, window_seconds: float) -> int:
        """Record one event now; return how many events key had in the last window, this one included."""

    def add_count(self, name: str, field: str, n: int = 1) -> None:
        """Add n to one field of a named counter, e.g. ("feedback", "up:law-civil-1033")."""

    def counts(self, name: str) -> dict[str, int]:
        """All fields of a named counter ({} when none)."""

    def get_blob(self, key: str) -> bytes | None: ...

    def put_blob(self, key: str, value: bytes) -> None: ...

    def delete_blob(self, key: str) -> None: ...

    def close(self) -> None: ...


def open_store(url: str) -> Store:
    """A store for a URL: "memory", "sqlite:///path/state.sqlite3" or "redis://host:port/db".

    SQLite URLs follow SQLAlchemy: three slashes then a relative path, four for an absolute one.
    """
    if url == "memory" or url.startswith("memory:"):
        from bot.state.memory import MemoryStore

        return MemoryStore()
    if url.startswith("sqlite:///"):
        from bot.state.sqlite import SQLiteStore

        return SQLiteStore(url[len("sqlite:///"):])
    if url.startswith(("redis://", "rediss://", "unix://")):
        from bot.state.redis_store import RedisStore

        return RedisStore(url)
    raise ValueError(f"COLLECTION_GUARD_STORE={url!r} is not a store URL: use 'memory', "
                     "'sqlite:///path/state.sqlite3' or 'redis://host:6379/0'")
