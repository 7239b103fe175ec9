"""Read a message typed in pinyin as the Chinese it stands for ("wo zai qiao shang, xiang tiao xia qu" → 我在桥上,想跳下去).

Why: someone with no Chinese input method (a borrowed phone, abroad, a broken keyboard) writes pinyin, and neither the
crisis lexicon nor the embedding reads it (walk 70: a man on a bridge was asked a question instead of given 110). The
reading table is built with the index from the project's own Chinese sentences (training sentences, passages, their
asks): each pinyin syllable run of one to four syllables maps to the characters it most often stands for there, so it
knows the words borrowers use. pypinyin is needed only to build the table.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

LONGEST = 4  # syllables in the longest run looked up
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
CLAUSE = re.compile(r"([^a-z\s']+)")  # punctuation, digits, characters: a run of pinyin stops there
# the pinyin a table lacks but people type: interjections (a, o, e, n, ng), read as they are
INTERJECTIONS = {"a": "啊", "o": "哦", "e": "呃", "n": "嗯", "ng": "嗯"}


def table(sentences: list[str], words: tuple[str, ...] = ()) -> dict[str, list]:
    """Each run of one to four toneless syllables (ü as v) → [the characters it most often stands for, how often].
    Runs of two or more syllables seen only once are left out (they are mostly the seams between two words), unless
    they are among `words`, which are words whoever wrote them (the crisis lexicon's: 脚手架, 敌敌畏)."""
    from pypinyin import Style, lazy_pinyin

    counts: Counter[tuple[str, str]] = Counter()
    known = set(words)
    for sentence in [*sentences, *words]:
        for run in HAN_RUN.findall(sentence):
            sounds = [s.replace("ü", "v") for s in lazy_pinyin(run, style=Style.NORMAL, errors="ignore")]
            if len(sounds) != len(run):
                continue
            for n in range(1, LONGEST + 1):
                for i in range(len(run) - n + 1):
                    counts[" ".join(sounds[i:i + n]), run[i:i + n]] += 1
    best: dict[str, list] = {}
    for (sounds, chars), count in sorted(counts.items()):
        if (len(chars) == 1 or count > 1 or chars in known) and count > best.get(sounds, ["", 0])[1]:
            best[sounds] = [chars, count]
    return best


class PinyinReader:
    """Turns clauses typed wholly in pinyin into characters; anything else is left as it is."""

    def __init__(self, runs: dict[str, list]) -> None:
        self.runs = {**{k: [v, 1] for k, v in INTERJECTIONS.items()}, **runs}
        self.syllables = {sounds for sounds in self.runs if " " not in sounds}
        self.longest = max(map(len, self.syllables))

    @classmethod
    def load(cls, path: Path) -> PinyinReader:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @staticmethod
    def save(runs: dict[str, list], path: Path) -> None:
        path.write_text(json.dumps(runs, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    def split(self, word: str) -> list[str] | None:
        """A word typed without spaces as its fewest syllables ("cuishou" → cui shou), or None if it is not pinyin."""
        ways: list[list[str] | None] = [[]] + [None] * len(word)
        for i in range(len(word)):
            if ways[i] is None:
                continue
            for j in range(i + 1, min(len(word), i + self.longest) + 1):
                way = ways[j]
                if word[i:j] in self.syllables and (way is None or len(way) > len(ways[i]) + 1):
                    ways[j] = ways[i] + [word[i:j]]
        return ways[-1]

    def characters(self, sounds: list[str]) -> str:
        """The likeliest characters for a run of syllables: the fewest, longest runs the table knows, the more often
        seen breaking ties."""
        best: list[tuple[float, int, str]] = [(0.0, 0, "")] + [(-math.inf, 0, "")] * len(sounds)
        for i in range(len(sounds)):
            if best[i][0] == -math.inf:
                continue
            for n in range(1, min(LONGEST, len(sounds) - i) + 1):
                known = self.runs.get(" ".join(sounds[i:i + n]))
                if known:
                    score = best[i][0] + n * n - 1 + 0.3 * math.log(known[1])
                    if score > best[i + n][0]:
                        best[i + n] = (score, i, known[0])
        chars, j = [], len(sounds)
        while j > 0:
            _, i, run = best[j]
            chars.append(run)
            j = i
        return "".join(reversed(chars))

    def __call__(self, text: str) -> str:
        """Each clause whose every word is pinyin, in characters; the rest (punctuation, digits, English) unchanged."""
        out = []
        for clause in CLAUSE.split(text):
            words = clause.lower().replace("'", " ").split()
            sounds = [self.split(word) for word in words]
            if words and all(sounds):
                out.append(self.characters([s for word in sounds for s in word]))
            else:
                out.append(clause)
        return "".join(out)
