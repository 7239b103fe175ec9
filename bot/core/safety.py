"""Decide before retrieval whether a message is a crisis, and after it whether it is in scope.

The rules are data in knowledge/safety.yaml so that operators can extend them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.loader import KnowledgeError

LETTERS = re.compile(r"[\u3400-\u9fffA-Za-z]")


@dataclass(frozen=True)
class Hotline:
    name: str
    contact: str
    checked: str


@dataclass(frozen=True)
class Scam:
    name: str
    pattern: re.Pattern[str]
    warning: str
    checked: str


@dataclass(frozen=True)
class SafetyRules:
    crisis: re.Pattern[str]
    not_crisis: re.Pattern[str]
    domain: re.Pattern[str]
    hotlines: tuple[Hotline, ...]
    min_score: dict[str, float]
    examples: tuple[str, ...]
    scams: tuple[Scam, ...]

    @classmethod
    def load(cls, path: Path) -> "SafetyRules":
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            crisis, scope = data["crisis"], data["scope"]
            return cls(
                crisis=_any(crisis["patterns"]), not_crisis=_any(crisis["not_crisis"]),
                domain=_any(scope["domain_terms"]),
                hotlines=tuple(Hotline(h["name"], str(h["contact"]), str(h["checked"])) for h in crisis["hotlines"]),
                min_score={str(k): float(v) for k, v in scope["min_score"].items()},
                examples=tuple(scope["examples"]),
                scams=tuple(Scam(s["name"], _any(s["patterns"]), s["warning"].strip(), str(s["checked"]))
                            for s in data["scams"]),
            )
        except (KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
            raise KnowledgeError([f"{path}: {exc.__class__.__name__}: {exc}; compare with the layout "
                                  "described at the top of the file (crisis: patterns, not_crisis, hotlines; "
                                  "scope: domain_terms, min_score, examples; "
                                  "scams: name, patterns, warning, checked)"]) from exc

    def is_crisis(self, text: str) -> bool:
        """True when the person speaks of ending their own life (not a collector's threat)."""
        lowered = text.lower()
        return bool(self.crisis.search(self.not_crisis.sub(" ", lowered)))

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
