"""Build, save and load the FAISS index of knowledge passages.

Each passage is embedded several times (title and text, title alone, and each
way people describe the situation, `asks`); every vector carries its passage's
row number, so a search returns passages directly. The words of each passage
for BM25 (jieba, see bot.core.words) are cut here too and stored in words.jsonl,
so a worker does not cut them at every start; the pinyin reading table (bot.core.pinyin) is
made from the same sentences and stored in pinyin.json. The manifest records what the
index was built from, so a stale index is never used silently.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from bot.core.acts import ActRules
from bot.core.embedders import Embedder
from bot.core.pinyin import PinyinReader, table
from bot.core.risk import RiskRules, ordinary_questions
from bot.core.triage import DialogueRules
from bot.core.words import Words, passage_text, scheme
from bot.knowledge.loader import Passage, knowledge_hash, load_knowledge

FORMAT = 3  # 2: words.jsonl, the BM25 words of every passage; 3: pinyin.json, the pinyin reading table
PINYIN_FILE = "pinyin.json"
BATCH = 32


class StaleIndexError(RuntimeError):
    """The index is missing or does not match the knowledge or the embedder."""


class Passages(list):
    """The passages in index order; .words holds each one's BM25 words, cut at build."""

    def __init__(self, passages: list[Passage], words: list[list[str]]) -> None:
        super().__init__(passages)
        self.words = words


@dataclass
class Index:
    passages: Passages
    vectors: faiss.Index
    manifest: dict

    @property
    def words(self) -> list[list[str]]:
        return self.passages.words


def views(passage: Passage) -> list[str]:
    """The texts embedded for one passage."""
    return [f"{passage.title}。{passage.text}", passage.title, *passage.asks]


def build(knowledge_dir: Path, index_dir: Path, embedder: Embedder, progress: bool = False) -> dict:
    """Embed every passage, cut its words and write index.faiss, passages.jsonl, words.jsonl, pinyin.json,
    manifest.json."""
    started = dt.datetime.now(dt.timezone.utc)
    passages = load_knowledge(knowledge_dir).passages
    texts, owners = [], []
    for row, passage in enumerate(passages):
        for text in views(passage):
            texts.append(text)
            owners.append(row)
    batches = range(0, len(texts), BATCH)
    if progress:
        from tqdm import tqdm

        batches = tqdm(batches, desc="embedding", unit="batch")
    vectors = np.vstack([embedder.encode(texts[i:i + BATCH]) for i in batches])
    flat = faiss.IndexIDMap(faiss.IndexFlatIP(vectors.shape[1]))
    flat.add_with_ids(vectors, np.asarray(owners, dtype=np.int64))
    index_dir.mkdir(parents=True, exist_ok=True)
    faiss.write_index(flat, str(index_dir / "index.faiss"))
    with open(index_dir / "passages.jsonl", "w", encoding="utf-8") as out:
        for passage in passages:
            out.write(json.dumps(passage.to_record(), ensure_ascii=False) + "\n")
    cut = Words()
    with open(index_dir / "words.jsonl", "w", encoding="utf-8") as out:
        for passage in passages:
            out.write(json.dumps({"id": passage.id, "words": cut(passage_text(passage))}, ensure_ascii=False) + "\n")
    risk, acts = RiskRules(knowledge_dir / "crisis.yaml"), ActRules(knowledge_dir)
    # the classifiers' sentences teach the pinyin table words too, and the crisis lexicon's means and places
    # ("jiaoshoujia" is 脚手架, walk 73) are words even where a sentence names them only once
    sentences = [x for lines in risk.exemplars.values() for x in lines] + acts.everyday()
    PinyinReader.save(table(texts + sentences, words=risk.words()), index_dir / PINYIN_FILE)
    manifest = {
        "format": FORMAT,
        "embedder": embedder.name,
        "words": scheme(),
        "dimension": int(vectors.shape[1]),
        "passages": len(passages),
        "vectors": int(vectors.shape[0]),
        "knowledge_hash": knowledge_hash(knowledge_dir),
        "built_at": started.isoformat(timespec="seconds"),
        "build_seconds": round((dt.datetime.now(dt.timezone.utc) - started).total_seconds(), 2),
    }
    (index_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    # the classifiers read the same embedding, so they are built with the index
    questions = ordinary_questions(passages)
    mandarin = DialogueRules.load(knowledge_dir / "dialogue.yaml").mandarin

    def read(texts: list[str]) -> np.ndarray:
        """The embedding of the Mandarin words, as triage computes it (a Cantonese sentence is trained as it is read)."""
        return embedder.encode([mandarin(text) for text in texts])

    risk.train(read, index_dir, embedder.name, questions + acts.everyday())
    acts.train(embedder.encode, index_dir, embedder.name, questions)
    return manifest


def load(knowledge_dir: Path, index_dir: Path, embedder_name: str, rebuild_command: str) -> Index:
    """Load the index, refusing one that is missing, stale or built with another embedder."""
    manifest_path = index_dir / "manifest.json"
    if not manifest_path.exists():
        raise StaleIndexError(f"No index in {index_dir}. Build it with: {rebuild_command}")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise StaleIndexError(f"The index in {index_dir} has an old format. Rebuild it with: {rebuild_command}")
    if manifest.get("embedder") != embedder_name:
        raise StaleIndexError(
            f"The index in {index_dir} was built with '{manifest.get('embedder')}', but the configured "
            f"embedder is '{embedder_name}'. Rebuild it with: {rebuild_command}")
    if manifest.get("knowledge_hash") != knowledge_hash(knowledge_dir):
        raise StaleIndexError(
            f"The knowledge files changed after the index in {index_dir} was built. "
            f"Rebuild it with: {rebuild_command}")
    if not (index_dir / PINYIN_FILE).exists():
        raise StaleIndexError(f"The index in {index_dir} has no pinyin reading table ({PINYIN_FILE}). "
                              f"Rebuild it with: {rebuild_command}")
    if not (index_dir / "words.jsonl").exists():
        raise StaleIndexError(f"The index in {index_dir} has no stored words (words.jsonl). "
                              f"Rebuild it with: {rebuild_command}")
    if manifest.get("words") != scheme():
        raise StaleIndexError(
            f"The words in the index in {index_dir} were cut with '{manifest.get('words')}', but this "
            f"bot cuts with '{scheme()}'. Rebuild it with: {rebuild_command}")
    with open(index_dir / "passages.jsonl", encoding="utf-8") as lines:
        passages = [Passage.from_record(json.loads(line)) for line in lines]
    with open(index_dir / "words.jsonl", encoding="utf-8") as lines:
        words = [json.loads(line) for line in lines]
    vectors = faiss.read_index(str(index_dir / "index.faiss"))
    # One message is searched at a time: a second OpenMP thread only adds a wake-up per search. On a
    # busy 2-core machine the default (one per core) made a reply in the main thread (console, eval,
    # benchmarks) take 19 ms instead of 4.5 ms. This sets the calling thread's OpenMP thread count.
    faiss.omp_set_num_threads(1)
    if (len(passages) != manifest["passages"] or vectors.ntotal != manifest["vectors"]
            or [w["id"] for w in words] != [p.id for p in passages]):
        raise StaleIndexError(f"The index files in {index_dir} do not match each other. "
                              f"Rebuild it with: {rebuild_command}")
    return Index(passages=Passages(passages, [w["words"] for w in words]), vectors=vectors, manifest=manifest)
