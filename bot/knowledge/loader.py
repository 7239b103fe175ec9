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

from bot.knowledge.legal_texts import SourceStatus, caveat_problem, load_status

PASSAGE_DIRS = ("article", "law", "guide")
CONDITIONS = "conditions.yaml"  # named patterns that several passages' only_if / unless share
CONDITION_NAME = re.compile(r"\{([a-z_]+)\}")  # {payday} in a pattern: that condition (quantifiers are digits)
KINDS = ("article", "law", "guide")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
# Who lent the money. licensed: banks, credit cards, 消费金融公司, 小额贷款公司 (incl. 网络小贷) and other
# licensed platforms; private: individuals, IOU apps, unlicensed platforms, 套路贷. "unknown" is what a
# conversation holds before the user says; passages and readings only ever name the first two.
LENDERS = ("licensed", "private")


def for_lender(lenders: tuple[str, ...], lender: str) -> bool:
    """True when something limited to `lenders` (empty: every lender) is right for a borrower of `lender`
    ("licensed", "private" or "unknown")."""
    return not lenders or lender not in LENDERS or lender in lenders


def _lenders(value: Any) -> tuple[str, ...] | None:
    """A 'lenders' field as read, or None when it is not a non-empty list of distinct LENDERS."""
    if not isinstance(value, list) or not value or len(set(value)) != len(value) or not all(v in LENDERS for v in value):
        return None
    return tuple(value)
CAVEAT_MAX = 90  # characters: one line under the quote
READING_MAX = 120  # characters: a situation's reading, the first line of a short answer
MAX_STEPS = 3  # steps per passage
STEP_MAX = 40  # characters per step: answers are short, read on phones
# English fields (issue 9): English in, English out for everything the bot writes itself. Legal quotes stay
# Chinese; law passages carry a one-line English gist. Limits are characters, about 2.5 × the Chinese ones.
TITLE_EN_MAX = 120
STEP_EN_MAX = 90
CAVEAT_EN_MAX = 220
GIST_EN_MAX = 260
LABEL_EN_MAX = 60
READING_EN_MAX = 180
CHANNEL_NAME_EN_MAX = 90
CHANNEL_NOTE_EN_MAX = 80
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")
# What an English caveat must say when the source is not an in-force full text (mirrors status.yaml).
CAVEAT_EN_MUST_SAY = {"not_in_force": "no longer in force", "excerpt": "excerpt"}


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


def names(pattern: str, lowered: str) -> bool:
    """True when a (lowercased) text matches an only_if / unless pattern; an empty pattern names nothing."""
    return bool(pattern) and re.search(pattern, lowered) is not None


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
    lenders: tuple[str, ...] = ()  # subset of LENDERS; empty: applies whoever the lender is
    caveat: str | None = None  # one line shown under the quote: the law's condition or exception
    title_en: str = ""
    steps_en: tuple[str, ...] = ()  # one English line for each of `steps`, same order
    caveat_en: str | None = None  # present exactly when `caveat` is
    gist_en: str | None = None  # law passages: what the quoted article says, in one English line
    only_if: str = ""  # a pattern: the passage answers only messages that match it (a death, a child, a guarantee)
    unless: str = ""  # a pattern: the passage does not answer messages that match it ("家人一般不用还" and a guarantor)
    # a situational passage's own reading (a car taken, being dismissed): said instead of its topic's general
    # reading when the message names the situation (only_if) and the passage leads the answer
    reading: str = ""
    reading_en: str = ""
    excerpt: bool = False  # the quote comes from a third party's excerpt (status.yaml), not the official full text

    def applies_to(self, lender: str) -> bool:
        """True when this passage is right for a borrower of this lender ("licensed", "private" or "unknown")."""
        return for_lender(self.lenders, lender)

    def fits(self, text: str) -> bool:
        """False for a situational passage (only_if) when the message does not speak of that situation, and for
        a passage whose exception (unless) the message names."""
        lowered = text.lower()
        return (not self.only_if or names(self.only_if, lowered)) and not names(self.unless, lowered)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form written to index/passages.jsonl."""
        record: dict[str, Any] = {
            "id": self.id, "title": self.title, "text": self.text, "kind": self.kind,
            "source": self.source, "topics": list(self.topics), "steps": list(self.steps),
            "asks": list(self.asks), "lenders": list(self.lenders),
            "title_en": self.title_en, "steps_en": list(self.steps_en),
        }
        if self.caveat:
            record["caveat"] = self.caveat
        if self.caveat_en:
            record["caveat_en"] = self.caveat_en
        if self.gist_en:
            record["gist_en"] = self.gist_en
        if self.only_if:
            record["only_if"] = self.only_if
        if self.unless:
            record["unless"] = self.unless
        if self.reading:
            record["reading"], record["reading_en"] = self.reading, self.reading_en
        if self.quote is not None and self.citation is not None:
            record["quote"] = self.quote
            record["citation"] = {"law": self.citation.law, "article": self.citation.article,
                                  "version": self.citation.version}
        if self.checked:
            record["checked"] = self.checked
        if self.excerpt:
            record["excerpt"] = True
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Passage":
        citation = record.get("citation")
        return cls(
            id=record["id"], title=record["title"], text=record["text"], kind=record["kind"],
            source=record["source"], topics=tuple(record["topics"]),
            steps=tuple(record.get("steps", ())), asks=tuple(record.get("asks", ())),
            quote=record.get("quote"), citation=Citation(**citation) if citation else None,
            checked=record.get("checked"), lenders=tuple(record.get("lenders", ())),
            caveat=record.get("caveat"), title_en=record.get("title_en", ""),
            steps_en=tuple(record.get("steps_en", ())), caveat_en=record.get("caveat_en"),
            gist_en=record.get("gist_en"), only_if=record.get("only_if", ""), unless=record.get("unless", ""),
            reading=record.get("reading", ""), reading_en=record.get("reading_en", ""),
            excerpt=record.get("excerpt", False),
        )


@dataclass(frozen=True)
class Channel:
    key: str
    name: str
    contact: str
    note: str
    checked: str
    name_en: str = ""
    note_en: str = ""
    contact_en: str = ""  # only where the contact is words, not a number; templates: channel | en("contact")
    lenders: tuple[str, ...] = ()  # only for these lenders (12378 takes no complaint about a loan from a person)
    unless: str = ""  # a pattern: not given when the conversation names it (the local regulator and a credit card)

    def takes(self, lender: str, said: str) -> bool:
        """True when this line takes the case of a borrower of this lender ("licensed", "private" or "unknown")
        and what was said names no case it does not take (`unless`)."""
        return for_lender(self.lenders, lender) and not names(self.unless, said.lower())


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    reading: str
    channels: tuple[str, ...]
    # optional: the reading for each lender type, where the right answer depends on who lent the money
    lender_readings: dict[str, str] = field(default_factory=dict)
    label_en: str = ""
    reading_en: str = ""  # English users get this one; lender_readings stay Chinese-only

    def reading_for(self, lender: str) -> str:
        """The lender's own reading when there is one, else the general reading."""
        return self.lender_readings.get(lender, self.reading)


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


def _one_line(value: Any, limit: int) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value.strip() and len(value.strip()) <= limit


def _english_problem(value: Any, limit: int) -> str | None:
    """Why `value` is not a usable one-line English field of at most `limit` characters, or None."""
    if not isinstance(value, str) or not value.strip():
        return "is missing or empty"
    text = value.strip()
    if "\n" in text:
        return "must be one line"
    if len(text) > limit:
        return f"is {len(text)} characters, more than {limit}; shorten it"
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    if latin == 0 or cjk > 0.35 * (cjk + latin):
        return ("looks like Chinese; write it in plain English (Chinese only for a law's name once, "
                "like 'Civil Code (民法典) Article 1033')")
    return None


def _english_fields(entry: dict[str, Any], where: str, kind: Any, steps: tuple[str, ...] | None,
                    caveat: str | None, status: SourceStatus | None, problems: list[str]) -> dict[str, Any]:
    """title_en, steps_en, caveat_en and gist_en of one passage; every problem names the field and the fix."""
    found: dict[str, Any] = {"title_en": "", "steps_en": (), "caveat_en": None, "gist_en": None}

    def one_line(name: str, limit: int, fix: str) -> str | None:
        problem = _english_problem(entry.get(name), limit)
        if problem:
            problems.append(f"{where}: field '{name}' {problem}" + (f"; {fix}" if "missing" in problem else ""))
            return None
        return entry[name].strip()

    found["title_en"] = one_line("title_en", TITLE_EN_MAX, "add the title in plain English for English replies") or ""
    raw = entry.get("steps_en")
    steps_en = _str_list(raw)
    if steps_en is None:
        problems.append(f"{where}: field 'steps_en' must be a list of non-empty lines (each starting with '- ')")
    elif steps is not None and len(steps_en) != len(steps):
        problems.append(f"{where}: field 'steps_en' has {len(steps_en)} lines but 'steps' has {len(steps)}; "
                        f"{'add' if len(steps_en) < len(steps) else 'keep'} one short plain-English line "
                        "for each step, in the same order")
    else:
        for number, step in enumerate(steps_en, start=1):
            problem = _english_problem(step, STEP_EN_MAX)
            if problem:
                problems.append(f"{where}: step {number} in 'steps_en' {problem}: {step}")
        found["steps_en"] = steps_en
    if caveat:
        found["caveat_en"] = one_line("caveat_en", CAVEAT_EN_MAX,
                                      "add the caveat as one line of plain English (users see it under the quote)")
        if found["caveat_en"] and status is not None and status.needs_caveat:
            must = CAVEAT_EN_MUST_SAY["not_in_force" if not status.in_force else "excerpt"]
            if must not in found["caveat_en"].lower():
                problems.append(f"{where}: field 'caveat_en' must say '{must}' because {status.file} "
                                f"{'is no longer in force' if not status.in_force else 'is only an excerpt'}, "
                                "as the Chinese caveat does; add it")
    elif entry.get("caveat_en") is not None:
        problems.append(f"{where}: field 'caveat_en' is set but there is no 'caveat'; "
                        "add the Chinese caveat or remove 'caveat_en'")
    if kind == "law":
        found["gist_en"] = one_line("gist_en", GIST_EN_MAX,
                                    "add a one-line English gist of the quoted article (not an official "
                                    "translation), like 'Civil Code (民法典) Article 1033: without your consent, ...'")
    elif entry.get("gist_en") is not None:
        problems.append(f"{where}: only kind 'law' quotes an article to sum up; remove 'gist_en'")
    return found


def _passage(entry: Any, where: str, topic_ids: set[str], problems: list[str],
             status: dict[str, SourceStatus] | None = None, conditions: dict[str, str] | None = None) -> Passage | None:
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
    if steps and len(steps) > MAX_STEPS:
        problems.append(f"{where}: field 'steps' has {len(steps)} steps; keep at most {MAX_STEPS} (answers are short)")
    for step in steps or ():
        if len(step) > STEP_MAX:
            problems.append(f"{where}: a step is {len(step)} characters, more than {STEP_MAX}; shorten it: {step}")
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
    lenders = _lenders(entry["lenders"]) if "lenders" in entry else ()
    if lenders is None:
        problems.append(f"{where}: field 'lenders' is {entry['lenders']!r}; use a list of {' and/or '.join(LENDERS)}, "
                        "like [private], or leave the field out when the passage applies to every lender")
        lenders = ()
    caveat = entry.get("caveat")
    if caveat is not None and not _one_line(caveat, CAVEAT_MAX):
        problems.append(f"{where}: field 'caveat' must be one line of at most {CAVEAT_MAX} characters "
                        "(the condition or exception users see under the quote, like 只有…才…); shorten it")
        caveat = None
    caveat = caveat.strip() if isinstance(caveat, str) else None
    source_status = status.get(source) if status else None
    if kind == "law" and status:
        problem = caveat_problem(source_status, caveat)
        if problem:
            problems.append(f"{where}: {problem}")
    english = _english_fields(entry, where, kind, steps, caveat, source_status, problems)
    only_if, unless = (_pattern(entry.get(field), conditions or {}, f"{where}: field '{field}'", example, problems)
                       for field, example in (("only_if", "去世|过世|遗产"), ("unless", "担保|保证人")))
    reading, reading_en = entry.get("reading") or "", entry.get("reading_en") or ""
    if reading or reading_en:
        if not only_if:
            problems.append(f"{where}: field 'reading' is for situational passages; add 'only_if' (the words that "
                            "name the situation) or remove 'reading'")
        if not _one_line(reading, READING_MAX):
            problems.append(f"{where}: field 'reading' must be one line of at most {READING_MAX} characters "
                            "(what this situation is and whether it is lawful); shorten it")
        problem = _english_problem(reading_en or None, READING_EN_MAX)
        if problem:
            problems.append(f"{where}: field 'reading_en' {problem}"
                            + ("; add the reading in plain English for English replies" if "missing" in problem else ""))
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
                   citation=citation, checked=checked, repairs=tuple(repairs), lenders=lenders, caveat=caveat,
                   only_if=only_if, unless=unless, reading=reading.strip() if isinstance(reading, str) else "",
                   reading_en=reading_en.strip() if isinstance(reading_en, str) else "",
                   excerpt=kind == "law" and source_status is not None and source_status.excerpt, **english)


def _pattern(value: Any, conditions: dict[str, str], where: str, example: str, problems: list[str]) -> str:
    """A passage's or channel's only_if / unless: its {names} filled in from conditions.yaml and checked to be a
    valid pattern; "" when it is missing or invalid (the problem is reported)."""
    pattern = with_conditions(value or "", conditions, where, problems)
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        problems.append(f"{where} is not a valid pattern ({exc}); write words joined by |, like {example}, "
                        "or a {name} of conditions.yaml")
        return ""
    return pattern


def with_conditions(pattern: Any, conditions: dict[str, str], where: str, problems: list[str]) -> Any:
    """`pattern` with each {name} replaced by that condition of conditions.yaml, so a condition several passages
    share is written, and corrected, once."""
    if not isinstance(pattern, str):
        return pattern

    def condition(found: re.Match[str]) -> str:
        if found.group(1) not in conditions:
            problems.append(f"{where} names {{{found.group(1)}}}, which is not in knowledge/{CONDITIONS}; add it "
                            f"there or use one of: {', '.join(sorted(conditions)) or '(none yet)'}")
            return ""
        return f"(?:{conditions[found.group(1)]})"

    return CONDITION_NAME.sub(condition, pattern)


def load_conditions(knowledge_dir: Path, problems: list[str]) -> dict[str, str]:
    """conditions.yaml: name → pattern (words joined by |), for passages' only_if and unless."""
    path = knowledge_dir / CONDITIONS
    if not path.exists():
        return {}
    data = _read_yaml(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path}: the file must map names to patterns, like  payday: 发工资|领工资")
        return {}
    conditions = {}
    for name, pattern in data.items():
        if not (isinstance(name, str) and re.fullmatch(r"[a-z_]+", name)):
            problems.append(f"{path}: name {name!r} must be lowercase letters and '_', like payday")
            continue
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            problems.append(f"{path}: '{name}' is not a valid pattern ({exc}); write words joined by |, like 发工资|领工资")
            continue
        conditions[name] = pattern
    return conditions


def passage_files(knowledge_dir: Path) -> list[Path]:
    return sorted(p for d in PASSAGE_DIRS for p in (knowledge_dir / d).glob("*.yaml"))


def knowledge_hash(knowledge_dir: Path) -> str:
    """A hash of the passage files and the conditions they name: the index is stale when this changes."""
    digest = hashlib.sha256()
    shared = knowledge_dir / CONDITIONS
    for path in [*passage_files(knowledge_dir), *([shared] if shared.exists() else [])]:
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
        readings = value.get("lender_readings")
        if readings is None:
            readings = {}
        elif not (isinstance(readings, dict) and set(readings) == set(LENDERS)
                  and all(_one_line(readings[k], 120) for k in LENDERS)):
            problems.append(f"{path}: topic '{key}' field 'lender_readings' needs exactly "
                            f"{', '.join(LENDERS)}, each one line of text, like "
                            "{licensed: 持牌机构……, private: 个人或无资质平台……}; or leave it out")
            readings = {}
        english = {}
        for name, limit, fix in (("label_en", LABEL_EN_MAX, "add a short English label, like 'Interest and fees'"),
                                 ("reading_en", READING_EN_MAX, "add one or two plain English sentences, "
                                  "conditional ('usually', 'if ...') where the Chinese reading is")):
            problem = _english_problem(value.get(name), limit)
            if problem:
                problems.append(f"{path}: topic '{key}' field '{name}' {problem}"
                                + (f"; {fix}" if "missing" in problem else ""))
            english[name] = value[name].strip() if not problem else ""
        if english["reading_en"] and len(re.findall(r"[.!?](?:\s|$)", english["reading_en"])) > 2:
            problems.append(f"{path}: topic '{key}' field 'reading_en' has more than two sentences; "
                            "keep it to one or two")
        topics[key] = Topic(key, value["label"], value["reading"], tuple(value.get("channels") or ()),
                            {k: readings[k].strip() for k in LENDERS if k in readings}, **english)
    return topics


def load_channels(knowledge_dir: Path, problems: list[str], conditions: dict[str, str]) -> dict[str, Channel]:
    path = knowledge_dir / "channels.yaml"
    data = _read_yaml(path, problems) or {}
    channels = {}
    for key, value in data.items():
        checked = _date_text(value.get("checked")) if isinstance(value, dict) else None
        if checked is None or not all(isinstance(value.get(k), str) for k in ("name", "contact", "note")):
            problems.append(f"{path}: channel '{key}' needs name, contact, note (text) and checked (a date like 2026-11-28)")
            continue
        english = {}
        wanted = [("name_en", CHANNEL_NAME_EN_MAX, "add the name in English; keep an official Chinese name "
                   "in brackets, like 'Local justice bureau (司法局)'"),
                  ("note_en", CHANNEL_NOTE_EN_MAX, "add in plain English when to use this channel")]
        if CJK.search(value["contact"]):
            wanted.append(("contact_en", CHANNEL_NOTE_EN_MAX, "the contact is words, not a number: "
                           "add it in plain English, numbers unchanged"))
        for name, limit, fix in wanted:
            problem = _english_problem(value.get(name), limit)
            if problem:
                problems.append(f"{path}: channel '{key}' field '{name}' {problem}"
                                + (f"; {fix}" if "missing" in problem else ""))
            english[name] = value[name].strip() if not problem else ""
        lenders = _lenders(value["lenders"]) if "lenders" in value else ()
        if lenders is None:
            problems.append(f"{path}: channel '{key}' field 'lenders' is {value['lenders']!r}; use a list of "
                            f"{' and/or '.join(LENDERS)}, or leave it out when the line takes every case")
            lenders = ()
        unless = _pattern(value.get("unless"), conditions, f"{path}: channel '{key}' field 'unless'", "信用卡|银行",
                          problems)
        channels[key] = Channel(key, value["name"], value["contact"], value["note"], checked, **english,
                                lenders=lenders, unless=unless)
    return channels


def load_knowledge(knowledge_dir: Path) -> Knowledge:
    """Read and validate all of knowledge/; raise KnowledgeError listing every problem."""
    problems: list[str] = []
    topics = load_topics(knowledge_dir, problems)
    conditions = load_conditions(knowledge_dir, problems)
    channels = load_channels(knowledge_dir, problems, conditions)
    status = load_status(knowledge_dir / "sources" / "law", problems)
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
            passage = _passage(entry, where, set(topics), problems, status, conditions)
            if passage:
                passages.append(passage)
    if problems:
        raise KnowledgeError(problems)
    dates = [p.checked for p in passages if p.checked] + [c.checked for c in channels.values()]
    return Knowledge(passages=passages, topics=topics, channels=channels, checked=max(dates, default=""))
