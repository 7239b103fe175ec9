"""Find the passages closest to a message: dense search, optionally fused with BM25.

Dense search uses the index's vectors; the lexical side (jieba words, BM25) is
fused by reciprocal rank when enabled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.core.embedders import Embedder
from bot.knowledge.index import Index
from bot.knowledge.loader import Passage

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # cosine similarity of the passage's closest vector to the message


class DenseRetriever:
    """Cosine search over all passage views, best view per passage."""

    def __init__(self, index: Index, embedder: Embedder) -> None:
        self.index, self.embedder = index, embedder

    def search(self, text: str, k: int = 5) -> list[Hit]:
        query = self.embedder.encode([text])
        depth = min(self.index.vectors.ntotal, 80)
        scores, rows = self.index.vectors.search(query, depth)
        best: dict[int, float] = {}
        for score, row in zip(scores[0], rows[0]):
            if row >= 0 and row not in best:
                best[int(row)] = float(score)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:k]
        return [Hit(self.index.passages[row], score) for row, score in ranked]


class LexicalRetriever:
    """BM25 over jieba words of each passage's title, text and asks."""

    def __init__(self, passages: list[Passage]) -> None:
        import jieba
        from rank_bm25 import BM25Okapi

        jieba.setLogLevel(60)
        self._cut = jieba.lcut_for_search
        self.passages = passages
        self._bm25 = BM25Okapi([self._words(" ".join([p.title, p.text, *p.asks])) for p in passages])

    def _words(self, text: str) -> list[str]:
        return [w for w in self._cut(text.lower()) if w.strip() and not _is_punct(w)]

    def rank(self, text: str, k: int) -> list[int]:
        scores = self._bm25.get_scores(self._words(text))
        order = np.argsort(-scores)[:k]
        return [int(i) for i in order if scores[i] > 0]


class HybridRetriever:
    """Dense ranking fused with BM25 by reciprocal rank; scores stay the dense cosines."""

    def __init__(self, dense: DenseRetriever, lexical: LexicalRetriever) -> None:
        self.dense, self.lexical = dense, lexical

    def search(self, text: str, k: int = 5) -> list[Hit]:
        dense_hits = self.dense.search(text, k=40)
        by_id = {hit.passage.id: hit for hit in dense_hits}
        fused: dict[str, float] = {}
        for rank, hit in enumerate(dense_hits):
            fused[hit.passage.id] = 1 / (RRF_K + rank)
        for rank, row in enumerate(self.lexical.rank(text, k=40)):
            pid = self.lexical.passages[row].id
            if pid in by_id:
                fused[pid] += 1 / (RRF_K + rank)
        ranked = sorted(fused, key=lambda pid: -fused[pid])[:k]
        return [by_id[pid] for pid in ranked]


def _is_punct(word: str) -> bool:
    return all(not ch.isalnum() for ch in word)
