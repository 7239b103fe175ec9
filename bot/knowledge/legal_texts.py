"""Look up article text in the official legal texts kept under knowledge/sources/law.

Quotes in the knowledge base must be word for word; this module is how the
check command and the tests prove it. `status.yaml` in the same folder marks the
files that are not in-force full texts (a replaced law, an excerpt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

ARTICLE_START = re.compile(r"^(第[一二三四五六七八九十百千零〇\d]+条(?:之[一二三四五六七八九十]+)?)[\s\u3000]")
HEADING = re.compile(r"^#+\s")
STATUS_FILE = "status.yaml"
BLANK = " \t\u3000\u200b"  # what a paragraph of a source may be padded with (a zero-width space ends some chapters)
GAP = "……"  # a line of its own in a quote: paragraphs of the article left out there
ITEM_LINE = re.compile(r"^（([一二三四五六七八九十]{1,3})）")  # a numbered item of an article, and its number
# An excerpt line such as "第五十条第一款第（五）项：多次发送……": the label, then the words after the colon.
EXCERPT_LINE = re.compile(r"^(第[一二三四五六七八九十百千零〇\d]+条)[^：:]*[：:](.+)$")


@dataclass(frozen=True)
class SourceStatus:
    """What status.yaml says about one source file."""

    file: str
    in_force: bool = True
    excerpt: bool = False
    caveat_must_say: tuple[str, ...] = ()
    replaced_by: str = ""

    @property
    def needs_caveat(self) -> bool:
        return not self.in_force or self.excerpt


def load_status(law_dir: Path, problems: list[str]) -> dict[str, SourceStatus]:
    """Read law_dir/status.yaml; every problem names the file, the entry and the fix."""
    path = law_dir / STATUS_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        problems.append(f"{path}: not valid YAML ({getattr(exc, 'problem', exc)}); check indentation")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path}: must map source file names to their status, like '治安管理处罚法(2012-10-26).md: "
                        "{{in_force: false, caveat_must_say: [2012年版]}}'")
        return {}
    found: dict[str, SourceStatus] = {}
    for name, value in data.items():
        where = f"{path}: entry '{name}'"
        if not (law_dir / str(name)).is_file():
            problems.append(f"{where}: there is no such file in {law_dir}; use the exact file name")
            continue
        if not isinstance(value, dict):
            problems.append(f"{where}: needs fields like in_force: false, caveat_must_say: [...]")
            continue
        words = value.get("caveat_must_say") or []
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(f"{where}: 'caveat_must_say' must be a list of words, like [2012年版, 取代]")
            continue
        in_force, excerpt = value.get("in_force", True), value.get("excerpt", False)
        if not isinstance(in_force, bool) or not isinstance(excerpt, bool):
            problems.append(f"{where}: 'in_force' and 'excerpt' must be true or false")
            continue
        found[str(name)] = SourceStatus(str(name), in_force, excerpt, tuple(w.strip() for w in words),
                                        str(value.get("replaced_by") or ""))
    return found


def caveat_problem(status: SourceStatus | None, caveat: str | None) -> str | None:
    """Why a passage quoting a source with this status has an unacceptable caveat, or None."""
    if status is None or not status.needs_caveat:
        return None
    what = "is no longer in force" if not status.in_force else "is only an excerpt"
    words = "、".join(status.caveat_must_say) or "what the source is"
    if not caveat:
        return (f"field 'caveat' is missing: {status.file} {what} (see sources/law/{STATUS_FILE}); "
                f"add a caveat line users see that says {words}")
    missing = [w for w in status.caveat_must_say if w not in caveat]
    if missing:
        return (f"field 'caveat' must say {words} because {status.file} {what}; "
                f"add {'、'.join(missing)} to it")
    return None


def _paragraphs(path: Path) -> list[str]:
    body = path.read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[-1]
    return [line.strip() for line in body.splitlines() if line.strip()]


@lru_cache(maxsize=None)
def articles(path: Path) -> dict[str, str]:
    """Map '第X条' to the article's text (paragraphs joined by newlines)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _paragraphs(path):
        start = ARTICLE_START.match(line)
        if start:
            current = found.setdefault(start.group(1), [])
            current.append(line[start.end():].strip())
        elif HEADING.match(line):
            current = None
        elif current is not None:
            current.append(line)
    return {number: "\n".join(lines) for number, lines in found.items()}


@lru_cache(maxsize=None)
def excerpt_articles(path: Path) -> dict[str, str]:
    """For an excerpt file whose lines read '第五十条第一款…：words': map '第五十条' to those words."""
    found: dict[str, list[str]] = {}
    for line in _paragraphs(path):
        match = EXCERPT_LINE.match(line)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2).strip())
    return {number: "\n".join(lines) for number, lines in found.items()}


@lru_cache(maxsize=None)
def full_text(path: Path) -> str:
    return "\n".join(_paragraphs(path))


def quote_problem(law_dir: Path, source: str, article: str, quote: str) -> str | None:
    """Return why `quote` is not word for word from `article` of `source`, or None if it is.

    Each line of the quote must appear in the article; a quote may leave out paragraphs, and its start or end,
    where a line '……' says so (the reply promises that "……" marks what was left out).
    In an excerpt file (no article headings) the words after each '第X条…：' label are the article.
    """
    path = law_dir / source
    if not path.is_file():
        return f"source file '{source}' is not in {law_dir}"
    wanted = [line.strip() for line in quote.strip().splitlines() if line.strip()]
    if not wanted:
        return "quote is empty"
    if ARTICLE_START.match(article + " "):
        text = articles(path).get(article) or excerpt_articles(path).get(article)
        if text is None:
            return f"{source} has no {article}"
        where = f"{source} {article}"
    else:
        text, where = full_text(path), source
    for line in wanted:
        if line != GAP and line not in text:
            return f"this line is not word for word in {where}: {line[:40]}"
    if where != source:  # one article: a paragraph left out is marked, so no one copies the quote as the whole article
        paragraphs, last, marked = text.split("\n"), None, False
        content = [line for line in wanted if line != GAP]
        whole = [paragraph.strip(BLANK) for paragraph in paragraphs if paragraph.strip(BLANK)]
        # the article's first words or its last left out (a numbered item first is marked when shown: mark_gaps)
        if wanted[0] != GAP and not whole[0].startswith(content[0]) and not ITEM_LINE.match(content[0]):
            return (f"the quote leaves out the start of {where} without a '{GAP}' line: {content[0][:40]}; "
                    f"put a line '{GAP}' before it")
        if wanted[-1] != GAP and not whole[-1].endswith(content[-1]):
            return (f"the quote leaves out the end of {where} without a '{GAP}' line after: {content[-1][:40]}; "
                    f"put a line '{GAP}' at its end")
        for line in wanted:
            if line == GAP:
                marked = True
                continue
            index = next(i for i, paragraph in enumerate(paragraphs) if line in paragraph)
            # (a numbered item left out is marked when the quote is shown: compose.mark_gaps)
            if last is not None and index > last + 1 and not marked and not ITEM_LINE.match(line):
                return (f"a paragraph of {where} is left out before this line without a '{GAP}' line: {line[:40]}; "
                        f"put a line '{GAP}' where the paragraph was")
            last, marked = index, False
    return None
