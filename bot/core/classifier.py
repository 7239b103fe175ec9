"""Small linear classifiers on a message: the crisis reading and the kind of message (small talk, vague, a question).

Two kinds of features, because each catches what the other misses: the sentence embedding (computed for
retrieval anyway) carries meaning across wordings and languages; character n-grams carry the telling
details that the embedding blurs (踩点, 门缝塞毛巾, 在么). Each head is a class-balanced logistic
regression, trained at `index build` on sentences in knowledge/ and saved next to the index with a
digest of what it was trained on, so a changed sentence file makes it stale rather than silently old.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path

import numpy as np

BUCKETS = 4096  # hashed n-gram features; collisions cost little at a few thousand sentences
VERSION = 2  # the features below; a change makes every saved classifier stale
# a Han character, an English word, a number, or one other symbol (emoji, punctuation) is one token
TOKEN = re.compile(r"[\u3400-\u9fff]|[a-z']+|\d+|[^\w\s]")


def ngrams(text: str) -> np.ndarray:
    """Token 1-3 grams of a simplified, lowercased text, hashed into BUCKETS and scaled to length 1."""
    tokens = TOKEN.findall(text)
    row = np.zeros(BUCKETS, dtype=np.float32)
    for n in (1, 2, 3):
        for i in range(len(tokens) - n + 1):
            row[zlib.crc32("\x1f".join(tokens[i:i + n]).encode()) % BUCKETS] = 1.0
    norm = float(np.linalg.norm(row))
    return row / norm if norm else row


def features(text: str, vector: np.ndarray, ngram_weight: float = 1.0) -> np.ndarray:
    """The embedding, the n-grams times `ngram_weight` and a constant 1 for the bias. A weight above 1 lets the
    n-grams count for more under the same L2 penalty."""
    return np.concatenate([vector.astype(np.float32), ngram_weight * ngrams(text), np.ones(1, dtype=np.float32)])


def matrix(encode, texts: list[str], ngram_weight: float = 1.0) -> np.ndarray:
    """`features` for many texts, encoded in one batch."""
    return np.hstack([encode(texts).astype(np.float32), ngram_weight * np.vstack([ngrams(t) for t in texts]),
                      np.ones((len(texts), 1), dtype=np.float32)])


def labelled(groups: dict[str, list[str]], order: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """Every sentence of the groups, in `order`, and the name of its group beside it."""
    return ([text for name in order for text in groups[name]],
            np.array([name for name in order for _ in groups[name]]))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 400) -> np.ndarray:
    """Class-balanced logistic regression with an L2 penalty, fitted by full-batch Adam (a few seconds)."""
    balance = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, len(y) - y.sum())))
    w = np.zeros(x.shape[1], dtype=np.float32)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ ((p - y) * balance).astype(np.float32) / len(y) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def digest(version: int, embedder_name: str, sentences: dict[str, list[str]]) -> str:
    """What a classifier was trained on: its own version, the features', the embedder and every sentence."""
    body = "\n".join(f"{k}:{x}" for k in sorted(sentences) for x in sentences[k])
    return hashlib.sha256(f"{VERSION}.{version}\n{embedder_name}\n{body}".encode()).hexdigest()[:16]


class Heads:
    """Named logistic heads over the same features."""

    def __init__(self, weights: dict[str, np.ndarray], ngram_weight: float = 1.0) -> None:
        self.weights = weights
        self.ngram_weight = ngram_weight  # as in training

    def probabilities(self, text: str, vector: np.ndarray) -> dict[str, float]:
        row = features(text, vector, self.ngram_weight)
        return {head: float(1 / (1 + np.exp(-(row @ w)))) for head, w in self.weights.items()}

    def save(self, path: Path, stamp: str) -> None:
        np.savez(path, digest=np.array(stamp), **self.weights)

    @classmethod
    def load(cls, path: Path, stamp: str, heads: tuple[str, ...], ngram_weight: float = 1.0) -> Heads | None:
        """None when the file is missing or was trained on other sentences (the caller says how to rebuild)."""
        if not path.exists():
            return None
        with np.load(path) as data:
            if str(data["digest"]) != stamp or not set(heads) <= set(data.files):
                return None
            return cls({head: data[head] for head in heads}, ngram_weight)
