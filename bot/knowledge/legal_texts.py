"""Look up article text in the official legal texts kept under knowledge/sources/law.

Quotes in the knowledge base must be word for word; this module is how the
check command and the tests prove it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ARTICLE_START = re.compile(r"^(第[一二三四五六七八九十百千零〇\d]+条(?:之[一二三四五六七八九十]+)?)[\s\u3000]")
HEADING = re.compile(r"^#+\s")


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
def full_text(path: Path) -> str:
    return "\n".join(_paragraphs(path))


def quote_problem(law_dir: Path, source: str, article: str, quote: str) -> str | None:
    """Return why `quote` is not word for word from `article` of `source`, or None if it is.

    Each line of the quote must appear in the article; a quote may leave out paragraphs.
    """
    path = law_dir / source
    if not path.is_file():
        return f"source file '{source}' is not in {law_dir}"
    wanted = [line.strip() for line in quote.strip().splitlines() if line.strip()]
    if not wanted:
        return "quote is empty"
    if ARTICLE_START.match(article + " "):
        text = articles(path).get(article)
        if text is None:
            return f"{source} has no {article}"
        where = f"{source} {article}"
    else:
        text, where = full_text(path), source
    for line in wanted:
        if line not in text:
            return f"this line is not word for word in {where}: {line[:40]}"
    return None
