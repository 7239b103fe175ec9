"""Shared fixtures: one real assistant on the committed index, and temporary copies of knowledge/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.assistant import Assistant
from bot.config import ROOT, Settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(knowledge_dir=ROOT / "knowledge", index_dir=ROOT / "index")


@pytest.fixture(scope="session")
def assistant(settings: Settings) -> Assistant:
    return Assistant(settings)


@pytest.fixture()
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ for tests that break or change it."""
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", target)
    return target
