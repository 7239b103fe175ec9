"""The committed index is current; a stale or mismatched index is refused with the exact command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.config import ROOT
from bot.core.embedders import DEFAULT_MODEL
from bot.knowledge.index import StaleIndexError, load
from bot.knowledge.loader import knowledge_hash, load_knowledge

COMMAND = "python -m bot index build"


def test_committed_index_matches_committed_knowledge():
    index = load(ROOT / "knowledge", ROOT / "index", DEFAULT_MODEL, COMMAND)
    manifest = json.loads((ROOT / "index" / "manifest.json").read_text())
    assert manifest["knowledge_hash"] == knowledge_hash(ROOT / "knowledge")
    assert manifest["embedder"] == DEFAULT_MODEL and manifest["dimension"] == 512
    assert [p.id for p in index.passages] == [p.id for p in load_knowledge(ROOT / "knowledge").passages]
    assert index.vectors.ntotal == manifest["vectors"] > manifest["passages"]


def test_passages_jsonl_has_every_field():
    lines = [json.loads(line) for line in (ROOT / "index" / "passages.jsonl").read_text().splitlines()]
    for record in lines:
        assert {"id", "title", "text", "kind", "source", "topics"} <= set(record)
        if record["kind"] == "law":
            assert record["quote"] and set(record["citation"]) == {"law", "article", "version"}


def test_edited_knowledge_makes_the_index_stale(knowledge_copy: Path):
    path = knowledge_copy / "guide" / "help.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# an operator's edit\n", encoding="utf-8")
    with pytest.raises(StaleIndexError, match="Rebuild it with: python -m bot index build"):
        load(knowledge_copy, ROOT / "index", DEFAULT_MODEL, COMMAND)


def test_other_embedder_is_refused():
    with pytest.raises(StaleIndexError, match="built with 'use-m3'.*sentence-transformers:x"):
        load(ROOT / "knowledge", ROOT / "index", "sentence-transformers:x", COMMAND + " --model x")


def test_missing_index_names_the_command(tmp_path: Path):
    with pytest.raises(StaleIndexError, match="No index in .* Build it with: python -m bot index build"):
        load(ROOT / "knowledge", tmp_path, DEFAULT_MODEL, COMMAND)


def test_mismatched_files_are_refused(tmp_path: Path):
    shutil.copytree(ROOT / "index", tmp_path / "index")
    passages = tmp_path / "index" / "passages.jsonl"
    passages.write_text("".join(passages.read_text().splitlines(keepends=True)[:-1]))
    with pytest.raises(StaleIndexError, match="do not match"):
        load(ROOT / "knowledge", tmp_path / "index", DEFAULT_MODEL, COMMAND)
