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

    @classmethod
    def from_env(cls, model: str | None = None, index_dir: str | None = None) -> "Settings":
        """Command-line values win over COLLECTION_GUARD_MODEL / COLLECTION_GUARD_INDEX."""
        return cls(
            knowledge_dir=Path(os.environ.get("COLLECTION_GUARD_KNOWLEDGE", ROOT / "knowledge")),
            index_dir=Path(index_dir or os.environ.get("COLLECTION_GUARD_INDEX", ROOT / "index")),
            model=model or os.environ.get("COLLECTION_GUARD_MODEL", DEFAULT_MODEL),
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
