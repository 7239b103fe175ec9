"""Guided flows: a few questions asked one at a time, defined in knowledge/tools.yaml.

A flow only remembers answers while it runs; the tool that owns it turns them into a result and
the answers are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.knowledge.loader import KnowledgeError
from bot.core.loan_words import read_figures

TYPES = ("number", "choice", "multi", "text")  # multi: several choices in one answer, like "1 3"
SKIP_WORDS = ("跳过", "skip", "无", "没有")
MAX_ANSWER = 1000


class AnswerError(ValueError):
    """An answer that does not fit the question; the message says what to send instead."""


@dataclass(frozen=True)
class Step:
    key: str
    ask: str
    type: str
    choices: dict[str, str] = field(default_factory=dict)
    when: dict[str, tuple[str, ...]] = field(default_factory=dict)
    optional: bool = False
    stop: tuple[str, ...] = ()  # choice values that end the flow without a result (the user chose not to go on)

    def applies(self, answers: dict[str, object]) -> bool:
        return all(answers.get(key) in values for key, values in self.when.items())

    def options(self) -> list[str]:
        return [f"{number}. {label}" for number, label in enumerate(self.choices.values(), 1)]

    def parse(self, text: str) -> object:
        text = text.strip()
        if self.optional and text.lower() in SKIP_WORDS:
            return ""
        if self.type == "number":
            figures = read_figures(text, asking=self.key)  # "5000元", "一个月" (days), "没有" (fees), "每月1000"
            if self.key not in figures:
                raise AnswerError("请只回复一个数字，例如 5000。")
            return figures[self.key]
        if self.type == "choice":
            value = self._choice(text)
            if value is None:
                raise AnswerError(f"请回复序号 1 到 {len(self.choices)} 中的一个。")
            return value
        if self.type == "multi":
            values = [self._choice(part) for part in re.split(r"[\s,，、;；.。]+", text) if part]
            if not values or None in values:
                raise AnswerError(f"请回复序号 1 到 {len(self.choices)}，可以多选，用空格隔开，例如 1 3。")
            return [value for value in self.choices if value in values]
        if not text:
            raise AnswerError("请写几个字回答，或者发 /cancel 取消。")
        return text[:MAX_ANSWER]

    def _choice(self, text: str) -> str | None:
        labels = list(self.choices.items())
        if text.isdigit() and 1 <= int(text) <= len(labels):
            return labels[int(text) - 1][0]
        for value, label in labels:
            if text and (text == value or text in label):
                return value
        return None


@dataclass
class FlowState:
    """A running flow: its name and the answers so far (kept in memory only)."""

    name: str
    steps: list[Step]
    answers: dict[str, object] = field(default_factory=dict)
    stopped: str | None = None  # the key of the step whose answer ended the flow early

    def current(self) -> Step | None:
        if self.stopped:
            return None
        return next((s for s in self.steps if s.key not in self.answers and s.applies(self.answers)), None)

    def give(self, text: str) -> Step | None:
        """Record the answer to the current question; return the next question, or None when done."""
        step = self.current()
        if step is not None:
            self.answers[step.key] = step.parse(text)
            if self.answers[step.key] in step.stop:
                self.stopped = step.key
        return self.current()


def load_flows(path: Path) -> dict[str, list[Step]]:
    """Read knowledge/tools.yaml; every problem names the flow, the step and the fix."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems: list[str] = []
    flows: dict[str, list[Step]] = {}
    for name in ("rate", "letter", "log"):
        if not isinstance(data.get(name), list):
            problems.append(f"{path}: flow '{name}' is missing; add a list of steps under '{name}:'")
            continue
        flows[name] = []
        for number, raw in enumerate(data[name], 1):
            where = f"{path}: {name} step {number} ({raw.get('key', '?') if isinstance(raw, dict) else raw})"
            if not isinstance(raw, dict) or not raw.get("key") or not raw.get("ask"):
                problems.append(f"{where}: every step needs 'key' and 'ask'")
                continue
            if raw.get("type") not in TYPES:
                problems.append(f"{where}: 'type' must be one of {', '.join(TYPES)}")
                continue
            if raw["type"] in ("choice", "multi") and not isinstance(raw.get("choices"), dict):
                problems.append(f"{where}: a {raw['type']} step needs 'choices' (name: label)")
                continue
            stop = tuple(str(v) for v in (raw.get("stop") or []))
            if stop and (raw["type"] != "choice" or not set(stop) <= set(map(str, raw["choices"]))):
                problems.append(f"{where}: 'stop' must list some of this choice step's choice names")
                continue
            when = {k: tuple(v if isinstance(v, list) else [v]) for k, v in (raw.get("when") or {}).items()}
            flows[name].append(Step(str(raw["key"]), str(raw["ask"]).strip(), raw["type"],
                                    {str(k): str(v) for k, v in (raw.get("choices") or {}).items()},
                                    when, bool(raw.get("optional", False)), stop))
    if problems:
        raise KnowledgeError(problems)
    return flows
