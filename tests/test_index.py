"""The committed index is current; a stale or mismatched index is refused with the exact command.

The index carries the BM25 words of every passage (words.jsonl), cut exactly as jieba cuts with its
full dictionary, though the dictionary is loaded a part at a time from the cache folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.config import ROOT
from bot.core.embedders import DEFAULT_MODEL
from bot.core.retrieve import LexicalRetriever
from bot.core.words import Words, _is_punct, _ShardedDictionary, passage_text, scheme
from bot.knowledge.index import FORMAT, StaleIndexError, load
from bot.knowledge.loader import Passage, knowledge_hash, load_knowledge
from tests.conftest import DATA

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


def test_an_index_without_its_pinyin_table_is_refused_with_the_rebuild_command(tmp_path: Path):
    shutil.copytree(ROOT / "index", tmp_path / "index")
    (tmp_path / "index" / "pinyin.json").unlink()
    with pytest.raises(StaleIndexError, match="pinyin.json") as error:
        load(ROOT / "knowledge", tmp_path / "index", DEFAULT_MODEL, COMMAND)
    assert COMMAND in str(error.value)


def test_index_carries_the_words_of_every_passage():
    index = load(ROOT / "knowledge", ROOT / "index", DEFAULT_MODEL, COMMAND)
    manifest = json.loads((ROOT / "index" / "manifest.json").read_text())
    assert manifest["format"] == FORMAT == 3 and manifest["words"] == scheme()
    lines = [json.loads(line) for line in (ROOT / "index" / "words.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == [p.id for p in index.passages]
    assert index.words == [line["words"] for line in lines] and all(index.words)
    cut = Words()
    assert [cut(passage_text(p)) for p in index.passages] == index.words
    # the retriever takes them from the index instead of cutting, and ranks as if it had cut them
    stored, cut_now = LexicalRetriever(index.passages), LexicalRetriever(list(index.passages))
    assert stored._bm25.doc_freqs == cut_now._bm25.doc_freqs
    for text in ("催收天天打电话给我爸妈", "砍头息 合法吗", "they posted my photo online"):
        assert stored.rank(text, 10) == cut_now.rank(text, 10)


@pytest.mark.parametrize("damage", ["no words file", "format 1", "other jieba", "other passages"])
def test_index_without_its_words_is_refused_with_the_command(tmp_path: Path, damage: str):
    index_dir = tmp_path / "index"
    shutil.copytree(ROOT / "index", index_dir)
    manifest = json.loads((index_dir / "manifest.json").read_text())
    words = index_dir / "words.jsonl"
    if damage == "no words file":
        words.unlink()
        expected = "has no stored words .*Rebuild it with: python -m bot index build"
    elif damage == "format 1":
        words.unlink()
        manifest["format"] = 1
        del manifest["words"]
        expected = "old format. Rebuild it with: python -m bot index build"
    elif damage == "other jieba":
        manifest["words"] = "jieba 0.39 search-mode (scheme 1)"
        expected = "cut with 'jieba 0.39.*Rebuild it with: python -m bot index build"
    else:
        words.write_text("".join(words.read_text().splitlines(keepends=True)[1:]))
        expected = "do not match.*Rebuild it with: python -m bot index build"
    (index_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StaleIndexError, match=expected):
        load(ROOT / "knowledge", index_dir, DEFAULT_MODEL, COMMAND)


def _texts() -> list[str]:
    texts = [passage_text(Passage.from_record(json.loads(line)))
             for line in (ROOT / "index" / "passages.jsonl").read_text().splitlines()]
    for name in ("dev.jsonl", "holdout.jsonl"):
        texts += [json.loads(line)["text"] for line in (DATA / name).read_text().splitlines() if line.strip()]
    return texts + ["ＡＢＣ全角 and MIXED case 債務 😡 12378", "", "   ", "。！？"]


def _jieba_full(text: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut_for_search(text.lower()) if w.strip() and not _is_punct(w)]


def test_words_are_jiebas_with_its_full_dictionary(tmp_path: Path):
    cut = Words(tmp_path)
    assert cut._dictionary is not None and len(cut._dictionary.freq) == 0  # nothing loaded at start
    texts = _texts()
    assert [cut(t) for t in texts] == [_jieba_full(t) for t in texts]
    again = Words(tmp_path)  # the second start reads the file the first one wrote
    assert [again(t) for t in texts[:40]] == [_jieba_full(t) for t in texts[:40]]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "a part flipped", "empty"])
def test_a_corrupt_dictionary_cache_is_rebuilt(tmp_path: Path, damage: str):
    Words(tmp_path)
    (path,) = tmp_path.glob("jieba-*.dict")
    data = bytearray(path.read_bytes())
    if damage == "garbage":
        data[8:64] = b"\xff" * 56
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "a part flipped":  # found only when a message needs it, after the start
        offset, length, _ = _ShardedDictionary._read(path)._parts["催"]
        data[offset:offset + length] = bytes(b ^ 0x55 for b in data[offset:offset + length])
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    texts = _texts()
    cut = Words(tmp_path)
    assert [cut(t) for t in texts] == [_jieba_full(t) for t in texts]
    if damage == "a part flipped":
        assert cut._dictionary is None  # it switched to the full dictionary mid-run
    fresh = Words(tmp_path)
    assert fresh._dictionary is not None  # the file was rewritten and reads cleanly again
    assert [fresh(t) for t in texts] == [_jieba_full(t) for t in texts]


def test_words_without_a_writable_cache_use_jiebas_own_load(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cut = Words(blocker / "cache")  # cannot be created
    assert cut._dictionary is None
    assert cut("催收天天打电话给我爸妈") == _jieba_full("催收天天打电话给我爸妈")


def test_bm25_through_postings_gives_rank_bm25s_scores_to_the_bit():
    index = load(ROOT / "knowledge", ROOT / "index", DEFAULT_MODEL, COMMAND)
    lexical = LexicalRetriever(index.passages)
    for text in _texts()[-400:] + ["催收 催收 催收", "zzzz 不存在的词", "砍头息 砍头息 利息"]:
        words = lexical._words(text)
        assert np.array_equal(lexical.scores(words), lexical._bm25.get_scores(words)), text


def test_a_passage_several_views_match_outranks_one_matched_by_a_single_view():
    """Dense ranking: the best view per passage plus a small vote of its other near views; the score stays the
    best view's cosine (the in-scope threshold is set against it)."""
    import faiss

    from bot.core.retrieve import DenseRetriever
    from bot.knowledge.index import Index

    def unit(cosine: float) -> np.ndarray:  # a vector at this cosine to the query (1, 0, 0)
        return np.asarray([cosine, (1 - cosine * cosine) ** 0.5, 0.0], dtype=np.float32)

    one, many = (load_knowledge(ROOT / "knowledge").passages[i] for i in (0, 1))
    vectors = faiss.IndexIDMap(faiss.IndexFlatIP(3))
    vectors.add_with_ids(np.stack([unit(0.80), unit(0.79), unit(0.78), unit(0.78), unit(0.10)]),
                         np.asarray([0, 1, 1, 1, 0], dtype=np.int64))
    hits = DenseRetriever(Index([one, many], vectors, {})).search(np.asarray([1, 0, 0], dtype=np.float32), k=2)
    assert [h.passage.id for h in hits] == [many.id, one.id]
    assert abs(hits[0].score - 0.79) < 1e-4 and abs(hits[1].score - 0.80) < 1e-4
