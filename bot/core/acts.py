"""What kind of message this is, by meaning: small talk (which kind), a vague opening, a question, or something
unrelated to debts (the weather, a film, a game).

The word lists in dialogue.yaml catch the common phrasings exactly, but people find endless others
("喺咪度呀", "Thanks mate, bye", "关于我妈的"). This classifier reads those: one logistic head per
kind, trained at `index build` on knowledge/dialogue_training.yaml and the passages' own questions
(more examples of a question to answer). Triage believes it only on short messages and above the
thresholds in dialogue.yaml (`acts`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from bot.core.classifier import Heads, digest, fit, labelled, matrix
from bot.core.textnorm import normalise
from bot.knowledge.loader import KnowledgeError

SMALL_TALK = ("bot", "thanks", "bye", "greeting", "ack")  # the kinds of small talk, in order of precedence
ACTS = (*SMALL_TALK, "vague", "specific", "off_topic")
TRAINING_FILE = "dialogue_training.yaml"
CLASSIFIER_FILE = "dialogue_classifier.npz"
MODEL_VERSION = 2  # the heads below; a change makes a saved classifier stale


class ActRules:
    """The training sentences of each kind, and the classifier trained on them."""

    def __init__(self, knowledge_dir: Path) -> None:
        path = knowledge_dir / TRAINING_FILE
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError([f"{path}: cannot be read ({exc}); it holds the sentences that teach the bot "
                                  "small talk and vague openings"]) from exc
        problems = []
        self.sentences_by_act: dict[str, list[str]] = {}
        for act in ACTS:
            lines = data.get(act) if isinstance(data, dict) else None
            if not isinstance(lines, list) or not lines or not all(isinstance(x, str) and x.strip() for x in lines):
                problems.append(f"{path}: '{act}' must be a list of sentences (each line starting with '- ')")
                continue
            self.sentences_by_act[act] = [x.strip() for x in lines]
        unknown = sorted(set(data) - set(ACTS)) if isinstance(data, dict) else []
        if unknown:
            problems.append(f"{path}: unknown kind '{unknown[0]}'; the kinds are {', '.join(ACTS)}")
        if problems:
            raise KnowledgeError(problems)
        self.model: Heads | None = None  # trained with the index

    def everyday(self) -> list[str]:
        """Every training sentence as written: everyday messages, which the crisis classifier also learns from."""
        return [x for act in ACTS for x in self.sentences_by_act[act]]

    def sentences(self, questions: list[str]) -> dict[str, list[str]]:
        """The training sentences, simplified and lowercased; `questions` (the passages' `asks`) are more
        examples of a specific question."""
        acts = {act: [normalise(x).text.lower() for x in lines] for act, lines in self.sentences_by_act.items()}
        acts["specific"] += [normalise(x).text.lower() for x in questions]
        return acts

    def stamp(self, embedder_name: str, questions: list[str]) -> str:
        return digest(MODEL_VERSION, embedder_name, {**self.sentences_by_act, "questions": questions})

    def train(self, encode, index_dir: Path, embedder_name: str, questions: list[str]) -> None:
        """One head per kind against all the others, saved with the index."""
        texts, kinds = labelled(self.sentences(questions), ACTS)
        x = matrix(encode, texts)
        Heads({act: fit(x, (kinds == act).astype(np.float32)) for act in ACTS}).save(
            index_dir / CLASSIFIER_FILE, self.stamp(embedder_name, questions))

    def load_classifier(self, index_dir: Path, embedder_name: str, questions: list[str]) -> bool:
        """False when the trained classifier is missing or stale (the caller says how to rebuild)."""
        self.model = Heads.load(index_dir / CLASSIFIER_FILE, self.stamp(embedder_name, questions), ACTS)
        return self.model is not None

    def read(self, text: str, vector: np.ndarray) -> dict[str, float]:
        """Each kind's probability for a simplified, lowercased message (one head per kind: they need not
        add up to one)."""
        assert self.model is not None
        return self.model.probabilities(text, vector)
