"""Load and validate the knowledge base that operators edit in knowledge/.

Operators are not programmers, so every problem is reported as one readable line
that names the file, the entry and what to change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PASSAGE_DIRS = ("article", "law", "guide")
KINDS = ("article", "law", "guide")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")


class KnowledgeError(ValueError):
    """One or more problems in the knowledge files, each naming file, entry and fix."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Citation:
    law: str
    article: str
    version: str

    def label(self) -> str:
        return f"《{self.law}》{self.article}（{self.version}）"


@dataclass(frozen=True)
class Passage:
    id: str
    title: str
    text: str
    kind: str
    source: str
    topics: tuple[str, ...]
    steps: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    quote: str | None = None
    citation: Citation | None = None
    checked: str | None = None
    repairs: tuple[tuple[str, str], ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form written to index/passages.jsonl."""
        record: dict[str, Any] = {
            "id": self.id, "title": self.title, "text": self.text, "kind": self.kind,
            "source": self.source, "topics": list(self.topics), "steps": list(self.steps),
            "asks": list(self.asks),
        }
        if self.quote is not None and self.citation is not None:
            record["quote"] = self.quote
            record["citation"] = {"law": self.citation.law, "article": self.citation.article,
                                  "version": self.citation.version}
        if self.checked:
            record["checked"] = self.checked
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Passage":
        citation = record.get("citation")
        return cls(
            id=record["id"], title=record["title"], text=record["text"], kind=record["kind"],
            source=record["source"], topics=tuple(record["topics"]),
            steps=tuple(record.get("steps", ())), asks=tuple(record.get("asks", ())),
            quote=record.get("quote"), citation=Citation(**citation) if citation else None,
            checked=record.get("checked"),
        )


@dataclass(frozen=True)
class Channel:
    key: str
    name: str
    contact: str
    note: str
    checked: str


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    reading: str
    channels: tuple[str, ...]


@dataclass
class Knowledge:
    """Everything in knowledge/ that the assistant needs, already validated."""

    passages: list[Passage]
    topics: dict[str, Topic]
    channels: dict[str, Channel]
    checked: str = field(default="")


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problems.append(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)}); "
                        "check indentation and that text with ':' is quoted")
        return None


def _date_text(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


def _str_list(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def _passage(entry: Any, where: str, topic_ids: set[str], problems: list[str]) -> Passage | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: each entry must start with '- id:' and have fields like title, text")
        return None
    bad = len(problems)

    def need_text(name: str, fix: str) -> str:
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: field '{name}' is missing or empty; {fix}")
            return ""
        return value.strip()

    title = need_text("title", "add a short title")
    text = need_text("text", "add the explanation in plain words")
    source = need_text("source", "say where this comes from (a file name or 'Collection Guard 编写')")
    kind = entry.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: field 'kind' is {kind!r}; use one of {', '.join(KINDS)}")
    topics = _str_list(entry.get("topics"))
    if not topics or not 1 <= len(topics) <= 3:
        problems.append(f"{where}: field 'topics' needs one to three topic ids, like [evidence, police]")
        topics = ()
    for topic in topics:
        if topic not in topic_ids:
            problems.append(f"{where}: topic '{topic}' is unknown; use an id from knowledge/topics.yaml")
    steps, asks = _str_list(entry.get("steps")), _str_list(entry.get("asks"))
    for name, value in (("steps", steps), ("asks", asks)):
        if value is None:
            problems.append(f"{where}: field '{name}' must be a list of non-empty lines (each starting with '- ')")
    quote, citation, checked = entry.get("quote"), None, None
    if kind == "law":
        quote = need_text("quote", "copy the article text word for word from knowledge/sources/law/")
        raw = entry.get("citation")
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), (str, dt.date)) and str(raw.get(k)).strip()
                                                for k in ("law", "article", "version")):
            problems.append(f"{where}: field 'citation' needs law, article and version, like "
                            "{law: 中华人民共和国刑法, article: 第二百九十三条之一, version: 2023-12-29}")
        else:
            citation = Citation(str(raw["law"]).strip(), str(raw["article"]).strip(), str(raw["version"]).strip())
    elif quote is not None:
        problems.append(f"{where}: only kind 'law' may have a 'quote'; move the text to 'text' or make it a law entry")
    if kind == "guide":
        checked = _date_text(entry.get("checked"))
        if checked is None:
            problems.append(f"{where}: field 'checked' must be the date the facts were last checked, like 2026-11-28")
    repairs: list[tuple[str, str]] = []
    for repair in entry.get("repairs") or []:
        if not (isinstance(repair, dict) and isinstance(repair.get("was"), str) and isinstance(repair.get("now"), str)):
            problems.append(f"{where}: each repair needs 'was' and 'now' text")
            continue
        repairs.append((repair["was"], repair["now"]))
    if len(problems) > bad:
        return None
    return Passage(id=entry["id"], title=title, text=text, kind=kind, source=source, topics=topics,
                   steps=steps or (), asks=asks or (), quote=quote if kind == "law" else None,
                   citation=citation, checked=checked, repairs=tuple(repairs))


def passage_files(knowledge_dir: Path) -> list[Path]:
    return sorted(p for d in PASSAGE_DIRS for p in (knowledge_dir / d).glob("*.yaml"))


def knowledge_hash(knowledge_dir: Path) -> str:
    """A hash of the passage files: the index is stale when this changes."""
    digest = hashlib.sha256()
    for path in passage_files(knowledge_dir):
        digest.update(path.relative_to(knowledge_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_topics(knowledge_dir: Path, problems: list[str]) -> dict[str, Topic]:
    path = knowledge_dir / "topics.yaml"
    data = _read_yaml(path, problems) or {}
    topics = {}
    for key, value in data.items():
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) for k in ("label", "reading")):
            problems.append(f"{path}: topic '{key}' needs 'label' and 'reading' text")
            continue
        topics[key] = Topic(key, value["label"], value["reading"], tuple(value.get("channels") or ()))
    return topics


def load_channels(knowledge_dir: Path, problems: list[str]) -> dict[str, Channel]:
    path = knowledge_dir / "channels.yaml"
    data = _read_yaml(path, problems) or {}
    channels = {}
    for key, value in data.items():
        checked = _date_text(value.get("checked")) if isinstance(value, dict) else None
        if checked is None or not all(isinstance(value.get(k), str) for k in ("name", "contact", "note")):
            problems.append(f"{path}: channel '{key}' needs name, contact, note (text) and checked (a date like 2026-11-28)")
            continue
        channels[key] = Channel(key, value["name"], value["contact"], value["note"], checked)
    return channels


def load_knowledge(knowledge_dir: Path) -> Knowledge:
    """Read and validate all of knowledge/; raise KnowledgeError listing every problem."""
    problems: list[str] = []
    topics = load_topics(knowledge_dir, problems)
    channels = load_channels(knowledge_dir, problems)
    for topic in topics.values():
        for key in topic.channels:
            if key not in channels:
                problems.append(f"{knowledge_dir / 'topics.yaml'}: topic '{topic.id}' names channel '{key}', "
                                "which is not in channels.yaml; add it there or remove it here")
    passages: list[Passage] = []
    seen: dict[str, str] = {}
    files = passage_files(knowledge_dir)
    if not files:
        problems.append(f"{knowledge_dir}: no passage files found in {', '.join(PASSAGE_DIRS)}/")
    for path in files:
        data = _read_yaml(path, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(f"{path}: the file must be a list of entries, each starting with '- id:'")
            continue
        for number, entry in enumerate(data, start=1):
            ident = entry.get("id") if isinstance(entry, dict) else None
            where = f"{path}, entry {number}" + (f" (id {ident})" if ident else "")
            if not isinstance(ident, str) or not ID_PATTERN.match(ident):
                problems.append(f"{where}: field 'id' must be lowercase letters, digits, '-' or '.', like guide-evidence")
                continue
            if ident in seen:
                problems.append(f"{where}: id '{ident}' is already used in {seen[ident]}; give this entry a new id")
                continue
            seen[ident] = str(path)
            passage = _passage(entry, where, set(topics), problems)
            if passage:
                passages.append(passage)
    if problems:
        raise KnowledgeError(problems)
    dates = [p.checked for p in passages if p.checked] + [c.checked for c in channels.values()]
    return Knowledge(passages=passages, topics=topics, channels=channels, checked=max(dates, default=""))
