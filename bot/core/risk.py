"""Recognise a person who may be thinking of ending their life, however they put it.

Two layers, both data in knowledge/: an operator-edited lexicon in crisis.yaml (who is speaking
matters: a collector's threat or a news story is removed before the person's own words are read),
and a semantic layer on the message embedding that retrieval computes anyway: a logistic-regression
classifier trained at `index build` on the sentences in crisis_training.yaml and the exemplars in
crisis.yaml. The classifier only ever raises a gentle check-in, never a full crisis reply on its own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from bot.core.textnorm import normalise
from bot.knowledge.loader import KnowledgeError, Passage

LEXICON = ("not_self", "imminent", "direct", "other", "possible", "means_hint", "plan_hint", "soft",
           "distress")
REGIONS = ("mainland", "hk", "tw")
EXEMPLARS_FILE = "crisis_classifier.npz"
TRAINING_FILE = "crisis_training.yaml"


def ordinary_questions(passages: list[Passage]) -> list[str]:
    """How borrowers ask everyday questions (the passages' Chinese `asks`): not-at-risk examples for the
    classifier. The English asks are left out: hundreds more negatives would outweigh the rest."""
    return [ask for passage in passages for ask in passage.asks if re.search(r"[\u4e00-\u9fff]", ask)]


@dataclass(frozen=True)
class Risk:
    tier: str = "none"  # none | check_in | crisis
    reason: str = ""  # which layer decided: imminent, direct, other, possible, semantic, earlier, ...
    imminent: bool = False  # a plan, means, time or farewell: 110/120 first
    helper: bool = False  # someone else is at risk; the writer is helping
    distress: bool = False  # fear, exhaustion, sleeplessness without ideation
    mentioned: bool = False  # suicide raised by a collector, the news or a past event (a quiet line)
    soft: bool = False  # a weak sign (死, 结束, 最后 …): never refuse such a message as out of scope; ask
    probability: float = 0.0  # the classifier's estimate that the writer may be at risk (0 for short texts)


@dataclass(frozen=True)
class Hotline:
    region: str
    key: str
    name: str
    name_en: str
    contact: str
    hours: str
    checked: str
    source: str


class RiskRules:
    def __init__(self, path: Path) -> None:
        self.path = path
        problems: list[str] = []
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError([f"{path}: not valid YAML ({exc}); check indentation and quoting"]) from exc
        lexicon = data.get("lexicon") or {}
        self.patterns: dict[str, re.Pattern[str]] = {}
        for name in LEXICON:
            lines = lexicon.get(name)
            if not isinstance(lines, list) or not lines:
                problems.append(f"{path}: lexicon '{name}' is missing; add a list of patterns under lexicon: {name}:")
                continue
            broken = len(problems)
            for number, line in enumerate(lines, 1):
                try:
                    re.compile(str(line))
                except re.error as exc:
                    problems.append(f"{path}: lexicon '{name}' line {number} is not a valid pattern ({exc}); "
                                    "check brackets and | signs")
            if len(problems) == broken:
                self.patterns[name] = re.compile("|".join(f"(?:{p})" for p in lines))
        exemplars = data.get("exemplars") or {}
        training_path = path.parent / TRAINING_FILE
        try:
            training = yaml.safe_load(training_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{training_path}: cannot be read ({exc}); it holds at_risk and not_at_risk sentences")
            training = {}
        self.exemplars: dict[str, list[str]] = {"at_risk": [], "not_at_risk": []}
        for source, where, name, label in ((exemplars, path, "possible", "at_risk"),
                                           (exemplars, path, "not_crisis", "not_at_risk"),
                                           (training, training_path, "at_risk", "at_risk"),
                                           (training, training_path, "not_at_risk", "not_at_risk")):
            lines = source.get(name) if isinstance(source, dict) else None
            if not isinstance(lines, list) or not all(isinstance(x, str) and x.strip() for x in lines or [None]):
                problems.append(f"{where}: '{name}' must be a list of sentences (each starting with '- ')")
                continue
            self.exemplars[label] += [x.strip() for x in lines]
        self.hotlines: dict[str, tuple[Hotline, ...]] = {}
        for region in REGIONS:
            entries = (data.get("hotlines") or {}).get(region) or []
            lines = []
            for number, entry in enumerate(entries, 1):
                try:
                    lines.append(Hotline(region, **{k: str(entry.get(k, "")) for k in Hotline.__dataclass_fields__
                                                     if k != "region"}))
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[-1].checked) or not lines[-1].contact:
                        raise ValueError
                except (AttributeError, ValueError):
                    problems.append(f"{path}: hotlines {region} entry {number} needs key, name, name_en, contact, "
                                    "hours, checked (a date like 2026-11-29) and source")
            if not lines:
                problems.append(f"{path}: hotlines '{region}' is empty; list at least one checked number")
            self.hotlines[region] = tuple(lines)
        self.semantic = {str(k): v for k, v in (data.get("semantic") or {}).items()}
        if "default" not in self.semantic:
            problems.append(f"{path}: semantic needs a 'default' entry with threshold and min_chars")
        self.regions = {k: re.compile(v) for k, v in (data.get("regions") or {}).items()}
        if set(self.regions) != {"hk", "tw"}:
            problems.append(f"{path}: regions needs 'hk' and 'tw' patterns")
        if problems:
            raise KnowledgeError(problems)
        self.weights: np.ndarray | None = None  # the classifier: weights with the bias last

    # --- the classifier, trained with the index and checked against its sentences --------------

    def digest(self, embedder_name: str, ordinary: list[str]) -> str:
        body = "\n".join(f"{k}:{x}" for k in sorted(self.exemplars) for x in self.exemplars[k])
        return hashlib.sha256(f"{embedder_name}\n{body}\n{ordinary}".encode()).hexdigest()[:16]

    def train(self, encode, index_dir: Path, embedder_name: str, ordinary: list[str]) -> None:
        """Fit logistic regression (class-balanced, L2, full-batch gradient descent) on the embedded sentences.
        `ordinary` are everyday borrowers' questions (the passages' `asks`), more examples of not at risk."""
        positive = encode([normalise(x).text for x in self.exemplars["at_risk"]])
        negative = encode([normalise(x).text for x in self.exemplars["not_at_risk"] + ordinary])
        features = np.hstack([np.vstack([positive, negative]), np.ones((len(positive) + len(negative), 1))])
        labels = np.concatenate([np.ones(len(positive)), np.zeros(len(negative))])
        balance = np.where(labels == 1, len(labels) / (2 * len(positive)), len(labels) / (2 * len(negative)))
        weights = np.zeros(features.shape[1])
        for _ in range(3000):
            predicted = 1 / (1 + np.exp(-features @ weights))
            weights -= features.T @ ((predicted - labels) * balance) / len(labels) + 1e-4 * weights
        np.savez(index_dir / EXEMPLARS_FILE, digest=np.array(self.digest(embedder_name, ordinary)),
                 weights=weights.astype(np.float32))

    def load_classifier(self, index_dir: Path, embedder_name: str, ordinary: list[str]) -> bool:
        """False when the trained classifier is missing or stale (the caller says how to rebuild)."""
        path = index_dir / EXEMPLARS_FILE
        if not path.exists():
            return False
        with np.load(path) as data:
            if str(data["digest"]) != self.digest(embedder_name, ordinary):
                return False
            self.weights = data["weights"]
        return True

    def probability(self, vector: np.ndarray) -> float:
        assert self.weights is not None
        return float(1 / (1 + np.exp(-(self.weights[:-1] @ vector + self.weights[-1]))))

    # --- reading one message ------------------------------------------------------------------

    def assess(self, text: str, vector: np.ndarray | None, threshold: float = 0.7, min_chars: int = 8) -> Risk:
        """`text` is simplified and lowercased; `vector` its embedding (None for emoji or digits alone)."""
        masked = self.patterns["not_self"].sub(" ", text)
        mentioned = masked != text and bool(re.search(r"自杀|跳楼|轻生|死|农药|suicid|kill", text))
        distress = bool(self.patterns["distress"].search(masked))
        imminent = bool(self.patterns["imminent"].search(masked))
        other = bool(self.patterns["other"].search(masked))
        own = bool(self.patterns["direct"].search(self.patterns["other"].sub(" ", masked) if other else masked))
        if imminent or other or own:
            reason = "imminent" if imminent else "other" if other and not own else "direct"
            return Risk("crisis", reason, imminent=imminent, helper=other and not own, distress=distress,
                        mentioned=mentioned)
        soft = bool(self.patterns["soft"].search(masked))
        # the classifier guesses on short texts: at least min_chars Chinese characters, or as many English words
        long_enough = len(re.findall(r"[\u4e00-\u9fff]", masked)) + len(re.findall(r"[a-z]+", masked)) >= min_chars
        probability = self.probability(vector) if vector is not None and self.weights is not None and long_enough \
            else 0.0
        semantic = soft and not mentioned and probability >= threshold
        possible = bool(self.patterns["possible"].search(masked))
        means = bool(self.patterns["means_hint"].search(masked))
        if (possible or semantic) and (means or self.patterns["plan_hint"].search(masked)):
            return Risk("crisis", ("possible" if possible else "semantic") + ("+means" if means else "+plan"),
                        imminent=means, distress=distress, mentioned=mentioned)
        if possible or semantic:
            return Risk("check_in", "possible" if possible else "semantic", distress=distress, mentioned=mentioned)
        return Risk("none", "", distress=distress, mentioned=mentioned, soft=soft, probability=probability)

    def region(self, folded: str) -> str:
        """'hk', 'tw' or '' from the original (not simplified) text."""
        for region in ("hk", "tw"):
            if self.regions[region].search(folded):
                return region
        return ""
