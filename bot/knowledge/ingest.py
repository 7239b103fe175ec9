"""Turn a scraped web article into reviewed-ready knowledge passages.

Scraped pages arrive in traditional characters with pinyin glosses and site
chrome around the text. Cleaning is mechanical; lost words are repaired by hand
in the committed YAML (field `repairs`), never guessed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core.textnorm import to_simplified

TONE_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[^)]*[{TONE_LETTERS[3:]}])[{TONE_LETTERS}\s]+\)")
LEVEL1 = re.compile(r"^([一二三四五六七八九十]+)、\s*(.+)$")
LEVEL2 = re.compile(r"^(\d+\.\d+)\s*(.+)$")
INTRO_MARK = "小编导语"
SUMMARY_MARK = "小编总结"
FOOTER = re.compile(r"^(声明[:：]|内容侵权|延伸阅读|最新文章|随机看看)")


@dataclass
class Section:
    number: str
    heading_path: list[str]
    paragraphs: list[str]


def clean_lines(raw: str) -> list[str]:
    """Drop pinyin glosses, convert to simplified Chinese, return non-empty stripped lines."""
    text = to_simplified(GLOSS.sub("", raw))
    return [line.strip() for line in text.splitlines() if line.strip()]


def split_sections(lines: list[str]) -> tuple[str, list[Section]]:
    """Return the page title and its sections, without the site chrome around them."""
    if INTRO_MARK in lines:
        start = lines.index(INTRO_MARK) + 1
        title = lines[start]
        start += 1
    else:
        title, start = lines[0], 1
    sections: list[Section] = [Section("intro", ["导语"], [])]
    level1 = ""
    for line in lines[start:]:
        if FOOTER.match(line):
            break
        if line == SUMMARY_MARK:
            sections.append(Section("summary", ["总结"], []))
        elif m := LEVEL1.match(line):
            level1 = f"{m.group(1)}、{m.group(2)}"
            sections.append(Section(str(_chinese_number(m.group(1))), [level1], []))
        elif m := LEVEL2.match(line):
            sections.append(Section(m.group(1), [level1, f"{m.group(1)} {m.group(2)}"], []))
        else:
            sections[-1].paragraphs.append(line)
    return title, [s for s in sections if s.paragraphs]


def _chinese_number(text: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits[tens] * 10 + (digits[ones] if ones else 0)
    return digits[text]


def ingest(path: Path) -> list[dict]:
    """Clean one scraped page into passage entries (topics left for a person to choose)."""
    title, sections = split_sections(clean_lines(path.read_text(encoding="utf-8")))
    stem = path.stem.split("_")[-1][:8]
    return [{
        "id": f"art-{stem}-{section.number}",
        "title": " › ".join([title, *section.heading_path]),
        "kind": "article",
        "source": path.name,
        "topics": [],
        "text": "\n".join(section.paragraphs),
    } for section in sections]


class _BlockDumper(yaml.SafeDumper):
    """Write multi-line text as readable YAML blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def to_yaml(entries: list[dict]) -> str:
    header = ("# Ingested by `python -m bot ingest`. Before committing: choose 1-3 topics for each entry\n"
              "# (ids from knowledge/topics.yaml) and repair words lost in scraping, listing each in `repairs`.\n")
    return header + yaml.dump(entries, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=1000)
