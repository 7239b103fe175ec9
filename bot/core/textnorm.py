"""Normalise what people type: script (traditional/simplified), width, whitespace.

Retrieval works on simplified Chinese; replies go back in the script the user wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

MAX_CHARS = 1000  # longer messages are cut for retrieval; the reply says so


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    simplified = _converter("tw2s").convert(text)
    if "么" in text and len(simplified) == len(text):  # tw2s turns a lone 么 into 幺 ("在么" → "在幺")
        simplified = "".join(a if a == "么" else b for a, b in zip(text, simplified))
    return simplified


# Taiwan characters without s2twp's vocabulary swaps, which change legal meaning (支持 → 支援, 保存 → 儲存)
SCRIPT_CONFIG = {"tw": "s2tw", "hk": "s2hk"}


# OpenCC writes 发 as 髮 (hair) after some characters ("被发到群里" → "被髮到", "发卡行" → "髮卡行", "一直发短信" → "一直髮"):
# 髮 is kept only where it is hair (头发, 理发, 发型 …), every other one is 發
NOT_HAIR = re.compile(r"(?<![頭头理白黑毛洗吹燙烫美護护脫脱落假染剪削短長长捲卷])髮(?![型廊夾夹絲丝際际膠胶蠟蜡梢根])")
# and 困 as 睏 (sleepy) after 好 ("备好困难证明" → "備好睏難證明"): 睏 is kept only where it is not 困难, 困境 …
NOT_SLEEPY = re.compile(r"睏(?=[難境擾惑頓])")


def convert_script(text: str, script: str) -> str:
    """Simplified text in the user's script: 'tw' (Taiwan usage), 'hk' (Hong Kong) or unchanged."""
    config = SCRIPT_CONFIG.get(script)
    if not config:
        return text
    return NOT_SLEEPY.sub("困", NOT_HAIR.sub("發", _converter(config).convert(text)))


@dataclass(frozen=True)
class Message:
    """A user's message after normalisation."""

    original: str
    text: str  # simplified, NFKC, single-spaced, cut to MAX_CHARS
    traditional: bool
    truncated: bool
    neutral: bool = False  # no character that differs between the scripts ("咁合唔合法"): says nothing of the script
    # traditional beyond the Cantonese characters typists in Guangdong keep in simplified text ("我真係好攰"): a writer
    # on the mainland who writes "網貸加起來" reads traditional replies (walk 76)
    written_traditional: bool = False


# written Cantonese that Guangdong writes in simplified text too ("搵我"): no sign of traditional script (walk 46);
# 台 for 臺, which Taiwan writes too ("我在台北" kept a Taiwanese writer's reply in simplified, walk 47)
BOTH_SCRIPTS = frozenset("搵台")
CANTONESE_TYPED = frozenset("係諗嗰捱")


# a space between two Chinese characters: word-by-word typing, as some deaf writers and voice input type ("我 想好了
# 今晚 12点 以后 去 我们 楼 顶")
WORD_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _joined(text: str) -> str:
    """Word-by-word typing joined into clauses, so the words read as they would written together ("楼 顶" → "楼顶"); a
    space between clauses, as most people type, is left (at least four such gaps, one for every three characters)."""
    gaps = len(WORD_GAP.findall(text))
    return WORD_GAP.sub("", text) if gaps >= 4 and gaps * 3 >= _han_count(text) else text


def normalise(raw: str) -> Message:
    folded = _joined(" ".join(unicodedata.normalize("NFKC", raw).split()))
    simplified = to_simplified(folded)
    changed = sum(a != b and a not in BOTH_SCRIPTS for a, b in zip(folded, simplified))
    beyond = sum(a != b and a not in BOTH_SCRIPTS and a not in CANTONESE_TYPED for a, b in zip(folded, simplified))
    least = max(1, _han_count(folded) // 20)
    return Message(original=raw, text=simplified[:MAX_CHARS],
                   traditional=changed >= least, written_traditional=beyond >= least,
                   truncated=len(simplified) > MAX_CHARS,
                   neutral=not changed and all(a == b or a in BOTH_SCRIPTS
                                               for a, b in zip(folded, _converter("s2t").convert(folded))))


def _han_count(text: str) -> int:
    return sum("\u3400" <= ch <= "\u9fff" for ch in text)
