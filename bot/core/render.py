"""Render a Reply with the Jinja templates in knowledge/templates, for each channel.

One set of templates serves every channel: plain text for the console, and HTML (escaped, only <b>
and <i>) that Telegram and the web page show, split into messages that fit. English replies use the
templates in templates/en/; traditional Chinese follows Taiwan or Hong Kong usage (OpenCC s2tw/s2hk:
s2twp also swaps words, 支持 → 支援, which changes legal meaning).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import Markup

from bot.core.compose import Reply, localized
from bot.core.textnorm import convert_script

TELEGRAM_LIMIT = 4096  # UTF-16 code units per message
TAG = re.compile(r"<[^>]+>")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Renderer:
    def __init__(self, templates_dir: Path) -> None:
        self._dir = templates_dir
        loader = jinja2.FileSystemLoader(str(templates_dir))
        options = dict(loader=loader, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        self._plain = jinja2.Environment(autoescape=False, **options)
        self._plain.filters.update(bold=str, italic=str)
        self._html = jinja2.Environment(autoescape=True, **options)
        self._html.filters.update(bold=lambda s: Markup("<b>%s</b>") % s,
                                  italic=lambda s: Markup("<i>%s</i>") % s)
        for env in (self._plain, self._html):  # pct: a rate of nothing is "0.00", never "-0.00" (walk 68)
            env.filters.update(num=lambda x: f"{x:,.2f}".rstrip("0").rstrip("."), pct=lambda x: f"{round(x, 2) + 0.0:,.2f}",
                               en=lambda item, name: localized(item, name, "en"))

    def _render(self, env: jinja2.Environment, name: str, reply: Reply | None, script: str = "simplified",
                language: str = "zh", **extra: object) -> str:
        if reply is not None:
            script, language = reply.script, reply.language
        if language == "en" and (self._dir / "en" / name).exists():
            name = f"en/{name}"
        text = env.get_template(name).render(reply=reply, **extra)
        text = re.sub(r"\n{3,}", "\n\n", text).strip()
        return convert_script(text, script)

    def convert(self, text: str, script: str) -> str:
        """Button labels and other short texts in the user's script."""
        return convert_script(text, script)

    def plain(self, reply: Reply) -> str:
        return self._render(self._plain, "reply.j2", reply)

    def html(self, reply: Reply) -> list[str]:
        return split_message(self._render(self._html, "reply.j2", reply))

    def page(self, name: str, html: bool = False, script: str = "simplified", language: str = "zh",
             **values: object) -> str:
        """A fixed page such as help.j2 or welcome.j2, in the user's script and language."""
        return self._render(self._html if html else self._plain, name, None, script, language, **values)


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split at paragraph, then line boundaries into parts of at most `limit` UTF-16 units."""
    parts: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        joined = f"{current}\n\n{piece}" if current else piece
        if utf16_len(joined) <= limit:
            current = joined
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts


def _pieces(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        if utf16_len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        for line in paragraph.split("\n"):
            pieces += [line] if utf16_len(line) <= limit else _hard_split(line, limit)
    return [p for p in pieces if p.strip()]


def _hard_split(line: str, limit: int) -> list[str]:
    """Cut an over-long line; tags are dropped so that no part has an unclosed tag."""
    plain = TAG.sub("", line)
    chunks, current = [], ""
    for token in re.findall(r"&[#\w]+;|.", plain, flags=re.S):
        if utf16_len(current + token) > limit:
            chunks.append(current)
            current = ""
        current += token
    return chunks + ([current] if current else [])
