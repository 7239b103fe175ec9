"""Find the passages closest to a message: dense search, optionally fused with BM25.

Dense search uses the index's vectors; the lexical side (jieba words, BM25) is
fused by reciprocal rank when enabled.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.knowledge.index import Index
from bot.knowledge.loader import Passage

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float  # cosine similarity of the passage's closest vector to the message


VOTE_DEPTH = 60  # among this many nearest views,
VOTE_WEIGHT = 0.02  # each further view of a passage adds this share of its score to the passage's rank


class DenseRetriever:
    """Cosine search over all passage views (text, title, each ask), ranked by the best view per passage plus a
    small vote of its other views among the nearest: with a dozen asks a passage, one ask that happens to share
    a phrase ("…合法吗") should not outrank a passage that several asks match."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def search(self, vector: np.ndarray, k: int = 5) -> list[Hit]:
        """`vector` is the message embedding the triage computed (L2-normalised). A hit's score is its best
        view's cosine, what the in-scope threshold is set against."""
        depth = self.index.vectors.ntotal  # every view: a flat search over a few thousand vectors is cheap
        scores, rows = self.index.vectors.search(np.asarray(vector, dtype=np.float32).reshape(1, -1), depth)
        best: dict[int, float] = {}
        votes: dict[int, float] = {}
        for rank, (score, row) in enumerate(zip(scores[0], rows[0])):
            row = int(row)
            if row < 0:
                continue
            if row not in best:
                best[row] = float(score)
            elif rank < VOTE_DEPTH:
                votes[row] = votes.get(row, 0.0) + VOTE_WEIGHT * float(score)
        ranked = sorted(best, key=lambda row: -(best[row] + votes.get(row, 0.0)))[:k]
        return [Hit(self.index.passages[row], best[row]) for row in ranked]


class LexicalRetriever:
    """BM25 over jieba words of each passage's title, text and asks.

    The passages' words come cut from the index (index.words, or passages.words when passages is
    the index's list); only when neither is given are they cut here, which takes most of a second.
    A message is scored through postings (word -> the passages that hold it) with rank_bm25's own
    arithmetic, term by term: the same scores to the bit as BM25Okapi.get_scores, which looks every
    word up in every passage (0.6 ms a message at 166 passages, against about 0.05 ms).
    """

    def __init__(self, passages: list[Passage], words: list[list[str]] | None = None) -> None:
        from rank_bm25 import BM25Okapi

        from bot.core.words import Words, passage_text

        self._cut = Words()
        self.passages = passages
        if words is None:
            words = getattr(passages, "words", None)
        if words is None:
            words = [self._cut(passage_text(p)) for p in passages]
        if len(words) != len(passages):
            raise ValueError(f"{len(words)} lists of words for {len(passages)} passages")
        self._bm25 = bm25 = BM25Okapi(words)
        rows: dict[str, list[int]] = {}
        counts: dict[str, list[int]] = {}
        for row, frequencies in enumerate(bm25.doc_freqs):
            for word, count in frequencies.items():
                rows.setdefault(word, []).append(row)
                counts.setdefault(word, []).append(count)
        self._postings = {word: (np.array(rows[word], dtype=np.intp), np.array(counts[word])) for word in rows}
        # the length part of BM25's denominator, written as rank_bm25 writes it
        self._length_norm = bm25.k1 * (1 - bm25.b + bm25.b * np.array(bm25.doc_len) / bm25.avgdl)

    def _words(self, text: str) -> list[str]:
        return self._cut(text)

    def scores(self, words: list[str]) -> np.ndarray:
        """BM25Okapi.get_scores(words), computed only where a word occurs (elsewhere it adds 0)."""
        bm25 = self._bm25
        score = np.zeros(bm25.corpus_size)
        for word in words:
            posting = self._postings.get(word)
            if posting is not None:
                rows, freq = posting
                score[rows] += (bm25.idf.get(word) or 0) * (freq * (bm25.k1 + 1) /
                                                            (freq + self._length_norm[rows]))
        return score

    def rank(self, text: str, k: int) -> list[int]:
        scores = self.scores(self._words(text))
        order = np.argsort(-scores)[:k]
        return [int(i) for i in order if scores[i] > 0]


class HybridRetriever:
    """Dense ranking fused with BM25 by reciprocal rank; scores stay the dense cosines.

    A follow-up is searched with the conversation: `topics` (the active ones) earn the passages that
    carry them a reciprocal-rank bonus weighted by `context_weight`.
    """

    def __init__(self, dense: DenseRetriever, lexical: LexicalRetriever) -> None:
        self.dense, self.lexical = dense, lexical

    def search(self, text: str, vector: np.ndarray, k: int = 5, topics: tuple[str, ...] = (),
               context_weight: float = 0.0) -> list[Hit]:
        dense_hits = self.dense.search(vector, k=len(self.lexical.passages))
        by_id = {hit.passage.id: hit for hit in dense_hits}
        fused: dict[str, float] = {}
        for rank, hit in enumerate(dense_hits):
            fused[hit.passage.id] = 1 / (RRF_K + rank)
            if topics and context_weight:
                shared = [i for i, t in enumerate(topics) if t in hit.passage.topics]
                if shared:
                    fused[hit.passage.id] += context_weight / (RRF_K + 10 * shared[0])
        for rank, row in enumerate(self.lexical.rank(text, k=40)):
            pid = self.lexical.passages[row].id
            if pid in by_id:
                fused[pid] += 1 / (RRF_K + rank)
        ranked = sorted(fused, key=lambda pid: -fused[pid])[:k]
        return [by_id[pid] for pid in ranked]
