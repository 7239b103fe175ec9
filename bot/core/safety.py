"""Whether a message is on-topic, and which common frauds it describes.

The rules are data in knowledge/safety.yaml so that operators can extend them; crisis rules are in
knowledge/crisis.yaml (bot/core/risk.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.loader import KnowledgeError

LETTERS = re.compile(r"[\u3400-\u9fffA-Za-z]")


@dataclass(frozen=True)
class Scam:
    name: str
    pattern: re.Pattern[str]
    warning: str
    checked: str


@dataclass(frozen=True)
class SafetyRules:
    domain: re.Pattern[str]
    min_score: dict[str, float]
    examples: tuple[str, ...]
    scams: tuple[Scam, ...]

    @classmethod
    def load(cls, path: Path) -> "SafetyRules":
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            scope = data["scope"]
            return cls(
                domain=_any(scope["domain_terms"]),
                min_score={str(k): float(v) for k, v in scope["min_score"].items()},
                examples=tuple(scope["examples"]),
                scams=tuple(Scam(s["name"], _any(s["patterns"]), s["warning"].strip(), str(s["checked"]))
                            for s in data["scams"]),
            )
        except (KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
            raise KnowledgeError([f"{path}: {exc.__class__.__name__}: {exc}; compare with the layout "
                                  "described at the top of the file (scope: domain_terms, min_score, examples; "
                                  "scams: name, patterns, warning, checked)"]) from exc

    def scams_in(self, text: str) -> tuple[Scam, ...]:
        """The common frauds a message describes, to warn about before anything else."""
        lowered = text.lower()
        return tuple(scam for scam in self.scams if scam.pattern.search(lowered))

    def has_words(self, text: str) -> bool:
        """False for emoji, digits or punctuation alone."""
        return bool(LETTERS.search(text))

    def mentions_domain(self, text: str) -> bool:
        return bool(self.domain.search(text.lower()))

    def threshold(self, embedder_name: str) -> float:
        return self.min_score.get(embedder_name, self.min_score["default"])


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))
