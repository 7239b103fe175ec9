"""A small classifier that reads a message for signs that the writer, or someone they describe, may be at risk.

Two kinds of features, because each catches what the other misses: the USE embedding (computed for
retrieval anyway) carries meaning across wordings and languages; character n-grams carry the telling
details that the embedding blurs in a long story (踩点, 门缝塞毛巾, 密码留给). Three logistic heads,
trained at `index build` on the sentences in knowledge/crisis_training.yaml:

- risk: someone may be at risk (the writer or a person they describe) against not at risk;
- imminent: among the at-risk sentences, a plan, means, time or farewell against ideation without one;
- other: among the at-risk sentences, someone else at risk against the writer.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

BUCKETS = 4096  # hashed n-gram features; collisions cost little at a few thousand sentences
HEADS = ("risk", "imminent", "other")
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


def features(text: str, vector: np.ndarray) -> np.ndarray:
    """The embedding, the n-grams and a constant 1 for the bias."""
    return np.concatenate([vector.astype(np.float32), ngrams(text), np.ones(1, dtype=np.float32)])


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


@dataclass(frozen=True)
class Estimate:
    risk: float = 0.0  # someone may be at risk
    imminent: float = 0.0  # if so: a plan, means, time or farewell
    other: float = 0.0  # if so: someone other than the writer


class CrisisModel:
    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights

    @classmethod
    def train(cls, encode, groups: dict[str, list[str]]) -> CrisisModel:
        """`groups` holds simplified, lowercased sentences: imminent, ideation, other (at risk, by kind),
        at_risk (at risk, kind unsaid) and not_at_risk."""
        order = ("imminent", "ideation", "other", "at_risk", "not_at_risk")
        texts = [text for name in order for text in groups[name]]
        kinds = np.array([name for name in order for _ in groups[name]])
        x = np.hstack([encode(texts).astype(np.float32), np.vstack([ngrams(t) for t in texts]),
                       np.ones((len(texts), 1), dtype=np.float32)])
        at_risk = kinds != "not_at_risk"
        own = np.isin(kinds, ("imminent", "ideation"))
        return cls({
            "risk": fit(x, at_risk.astype(np.float32)),
            "imminent": fit(x[own], (kinds[own] == "imminent").astype(np.float32)),
            "other": fit(x[own | (kinds == "other")], (kinds[own | (kinds == "other")] == "other").astype(np.float32)),
        })

    def estimate(self, text: str, vector: np.ndarray) -> Estimate:
        row = features(text, vector)
        return Estimate(**{head: float(1 / (1 + np.exp(-(row @ self.weights[head])))) for head in HEADS})
