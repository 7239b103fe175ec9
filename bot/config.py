"""Where things live and which embedder to use, from defaults or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bot.core.embedders import DEFAULT_MODEL

ROOT = Path(os.environ.get("COLLECTION_GUARD_HOME", Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path = ROOT / "knowledge"
    index_dir: Path = ROOT / "index"
    model: str = DEFAULT_MODEL
    data_dir: Path = ROOT / "data"  # the SQLite store and other local state
    store_url: str = ""  # "" means sqlite:///<data_dir>/state.sqlite3; see bot.state.open_store
    session_idle_seconds: float = 1800.0  # a conversation is forgotten after this long without a message

    def __post_init__(self) -> None:
        if not self.store_url:
            object.__setattr__(self, "store_url", f"sqlite:///{Path(self.data_dir).resolve()}/state.sqlite3")

    @classmethod
    def from_env(cls, model: str | None = None, index_dir: str | None = None) -> "Settings":
        """Command-line values win over COLLECTION_GUARD_MODEL / COLLECTION_GUARD_INDEX.

        State: COLLECTION_GUARD_DATA (data folder), COLLECTION_GUARD_STORE (store URL),
        COLLECTION_GUARD_SESSION_IDLE (seconds).
        """
        idle = os.environ.get("COLLECTION_GUARD_SESSION_IDLE", "1800")
        try:
            idle_seconds = float(idle)
        except ValueError:
            raise ValueError(f"COLLECTION_GUARD_SESSION_IDLE={idle!r} is not a number of seconds") from None
        if idle_seconds <= 0:
            raise ValueError(f"COLLECTION_GUARD_SESSION_IDLE={idle!r} must be more than 0 seconds")
        return cls(
            knowledge_dir=Path(os.environ.get("COLLECTION_GUARD_KNOWLEDGE", ROOT / "knowledge")),
            index_dir=Path(index_dir or os.environ.get("COLLECTION_GUARD_INDEX", ROOT / "index")),
            model=model or os.environ.get("COLLECTION_GUARD_MODEL", DEFAULT_MODEL),
            data_dir=Path(os.environ.get("COLLECTION_GUARD_DATA", ROOT / "data")),
            store_url=os.environ.get("COLLECTION_GUARD_STORE", ""),
            session_idle_seconds=idle_seconds,
        )

    @property
    def templates_dir(self) -> Path:
        return self.knowledge_dir / "templates"

    def build_command(self) -> str:
        """The exact command that rebuilds the index for these settings."""
        parts = ["python -m bot index build"]
        if self.model != DEFAULT_MODEL:
            parts.append(f"--model {self.model}")
        if self.index_dir != ROOT / "index":
            parts.append(f"--index {self.index_dir}")
        return " ".join(parts)
