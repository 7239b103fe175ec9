"""Recognise a person who may be thinking of ending their life, however they put it.

Two layers, both data in knowledge/: an operator-edited lexicon in crisis.yaml (who is speaking
matters: a collector's threat or a news story is removed before the person's own words are read),
and a semantic layer on the message embedding that retrieval computes anyway: a logistic-regression
classifier trained at `index build` on the sentences in crisis_training.yaml, the exemplars in
crisis.yaml and everyday messages. The classifier leads to the full crisis reply only where nothing was set
aside and it reads a plan, means or farewell: with a weak sign or a possible-ideation phrase in the words, or,
without either, when it is very sure (`acute`) and no one else threatens the person. Otherwise it only asks.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from bot.core.classifier import Heads, digest, fit, labelled, matrix
from bot.core.textnorm import normalise, to_simplified
from bot.knowledge.loader import KnowledgeError, Passage

LEXICON = ("swear", "not_self", "imminent", "direct", "other", "unreachable", "rescue", "secret", "not_clear", "decided",
           "person", "reported", "told_me", "possible", "own_death", "means_hint", "plan_hint", "soft", "distress",
           "suicide_named", "collectors_only", "death_or_care", "ask_only")
REGIONS = ("mainland", "hk", "tw")  # every one listed when the writing says nothing of where
MACAU = "mo"  # a region of its own (999, its own crisis line), not listed unless said
ABROAD = "abroad"  # another country: the local emergency number and lines that can be dialled from there
SEMANTIC = ("check_in", "alone", "long", "long_plan", "sure_plan", "story", "crisis", "imminent", "acute", "other",
            "min_chars")  # the classifier's, per embedder
THIRD_PERSON = re.compile(r"[他她](?!们)|(?<![a-z])(he|she|his|her)(?![a-z])")
FIRST_PERSON = re.compile(r"[我咱俺]|(?<![a-z])(i|me|my|i'm|im|i've)(?![a-z])")
PLAN_WORDS = 15  # without a weak word, the classifier alone gives the full reply only to a message this long
LONG_WORDS = 24  # without a weak word, the classifier asks about a message this long at `long`, not only at `alone`
STORY_CHARS = 50  # a message this long is also read clause by clause: a long story blurs one line of despair
HAN = re.compile(r"[\u4e00-\u9fff]")
ACTING_BETWEEN = re.compile(r"(现在|刚才|刚刚|刚|已经|正在|正|又|还|就|偷偷|一个人|自己|昨天|昨晚|前天|今天|今早|早上|晚上|半夜|夜里|凌晨)*(站|坐|蹲|躺|爬|跑|去|到)?(在[^,.!?;\s我你]{0,5})?(用|拿着|拿)?")
ACT = re.compile(r"[站坐躺蹲爬跳割划切吃吞喝服烧买拿攒藏吊在用刀上往]")  # the plan read begins with what is done
SELF_NAMES = {"爸爸", "妈妈", "爸", "妈", "老爸", "老妈", "爹", "娘"}  # how a parent speaks of themselves to a child
WORDS = re.compile(r"[\u4e00-\u9fff]|[a-z]+")  # a Chinese character or an English word
# someone else's place ("我妈在国内", "他人在上海"): where the one at risk is, when the writer is elsewhere
THERE = re.compile(r"(他|她|ta|妈|爸|父母|家人|弟|哥|姐|妹|老公|老婆|丈夫|妻子|儿子|女儿|朋友|同学|室友|家里|屋企人|屋企|佢|佬|老豆|仔|囡)"
                   r"(人)?(还|還|现|現)?(在|喺)$|"
                   r"(?<![a-z])(he|she|they|brother|sister|mum|mom|dad|father|mother|wife|husband|son|daughter|friend|"
                   r"boyfriend|girlfriend|partner|cousin|uncle|aunt|grandma|grandpa|roommate|"
                   r"parents|family)('s| is| are)?( still| now)?( back home| at home| back)? (in|at) ?$")
HOME_TOWN = re.compile(r"(他|她|ta|妈|爸|父母|家人|弟|哥|姐|妹|老公|老婆|丈夫|妻子|儿子|女儿|朋友)(人)?(还|還|现|現)?在[^,，.。!?]{0,6}老家")
# where they are now; "我們在香港", "催收打電話到香港給我" (walk 55: a widow in Hong Kong was given 12356); "回答：大陸的判決"
# is an answer asked for, not a return (walk 69: a Taiwanese writer was given 12356 again)
HERE = re.compile(r"((我|们|們|人|住|现|現|还|還)|^|[,，。.!！?？;；\s])在|喺|嚟|回(?!答|复|覆|应|應|信|话|話|电|電)(到|了|去)?|搬(到|去)|(打|话|話)到|"
                  r"(?<![a-z])(in|at|back to|moved to)\s?$")
# a place they mean to go to ("想搬回台灣", "我回台灣以後他們可以追過來嗎"), not where they are
GOING = re.compile(r"(想|要|会|會|将|將|打算|準備|准备|计划|計劃|考虑|考慮|如果|要是|假如|等)[^,，.。!?]{0,3}$|"
                   r"(?<![a-z])(want|plan|going|thinking of|if i)( to)?[a-z ]{0,12}$")
GOING_AFTER = re.compile(r"^[^,，.。!?]{0,2}(以后|以後|之后|之後|的话|的話)|^[^,，.。!?\s]{0,10}(可以|会|會|能)[^,，.。!?\s]{0,6}(吗|嗎|\?)|"
                         r"^[^,，.。!?\s]{0,6}(的时候|的時候)|"  # "在大陆工作的时候": where they were then (walk 66)
                         # "如果佢哋真係喺內地告我": where they would be sued, not where they are (walk 79)
                         r"^[^,，.。!?\s]{0,2}(告|起訴|起诉|打官司|判|執行|执行|追)|"
                         # "我喺大陸欠網貸" from Hong Kong: where the loan was taken (walk 86 p17 got mainland numbers)
                         r"^[^,，.。!?\s]{0,2}(欠|借)|"
                         # "我問的是回內地會不會被抓": a return asked about, not made (walk 79)
                         r"^[^,，.。!?\s]{0,6}(会不会|會不會|会唔会|會唔會)")
# "大陸的網貸", "内地网贷", "喺大陸啲網貸": where the loan or the court is, not where the writer is (walk 47: a Taiwanese writer
# got mainland numbers only; walk 63: "我喺香港 之前喺大陸啲網貸借咗錢" in Cantonese)
# (also "我在大陆的朋友" — walk 66: someone else's place, not the writer's)
WHOSE = re.compile(r"(的|啲|嘅)?(网贷|網貸|贷款|貸款|平台|催收|银行|銀行|信用卡|法院|借款|欠款|app)|"
                   r"(的|啲|嘅)(朋友|家人|家里人|家裡人|亲戚|親戚|同事|同学|同學|爸妈|爸媽|父母)", re.IGNORECASE)
# a place they were in before ("我喺澳門返工，之前喺內地借咗啲網貸", walk 68): not where they are now
BEFORE = re.compile(r"(之前|以前|以往|当时|當時|那时|那時|原来|原來|早前|去年|前年|曾经|曾經)[^,，.。!?]{0,3}$")
IDENTITY = re.compile(r"人(?!在)|(?<![a-z])(people|person)(?![a-z])", re.IGNORECASE)  # "台湾人", "香港人": who, not where
CLAUSE_END = re.compile(r"[.!?;,\n]+")
SELF = re.compile(r"我(?![的家])|(?<![a-z])(i|i'm|im|me|myself)(?![a-z])")  # the writer, not "我家孩子", "my mum"
TO_SOMEONE = re.compile(r"[跟和同对给替向帮骗哄瞒]|告诉|(?<![a-z])(to|tell)(?![a-z])")  # "跟我哥说", "told my sister": the writer speaks
# the words of a note read out, just before the plan ("纸条上写着 债我自己了断"): the note's, whoever wrote it
NOTE_READ = re.compile(r"(纸条|字条|遗书|便条|留言|信)(上|里)?(写着|写的是|写了)[^.!?。！？]{0,8}$")
NOTE_LEFT = re.compile(r"(给我们?|给家里)?(留|写)(了|下)?(一)?(张|封|条|份)?(纸条|字条|遗书|便条|信)")  # "(他)给我留了封信"
WRITER = re.compile(r"[我你,.!?;]|(?<![a-z])(i|you)(?![a-z])")  # the writer's own words, or a stop
TO_SOMEONE_EN = re.compile(r"(?<![a-z])(to|with|for|tell|told)\s+(my|his|her|our|a)?\s*$")
# a plan that includes the writer
WE = re.compile(r"(我们|我哋|一家|全家|两个人|我俩|咱俩|俺俩)[^,.!?\n]{0,6}(一起|一齐|一块|一同)")
WORD_GAP = re.compile(r"[,.!?;\s]")  # where a clause of a short message ends: a stop or a space
# the writer as the one acting in the clause of a plan or means ("我买了一瓶百草枯"), not a person of their family
HOME_OF = re.compile(r"(他|她)(们)?家")  # "他家阳台": someone's home, a place named, not someone acting
SELF_ACTING = re.compile(r"我(?![爸妈哥姐弟妹儿女侄舅叔姑姨爷奶嫂们家]|老公|老婆|老伴|媳妇|室友|舍友|朋友|同事|同学|外公|外婆)")
# someone's words in quotation marks, told by the writer ("他今天早上说“我走了，别找我”"): group 2 is the words
QUOTED_WORDS = re.compile(r"(他|她|ta|老公|老婆|男朋友|女朋友|儿子|女儿|我爸|我妈|哥|姐|弟|妹)[^“「\"\n]{0,12}"
                          r"(?:说|写|发|讲|留言|留了一?句)[了过]?[:,\s]*[“「\"]([^”」\"\n]{1,40})[”」\"]")
# a question whether the debt will harm their work or plans later ("这会影响我以后回深圳工作吗")
FUTURE_ASKED = re.compile(r"(影响|耽误)[^.!?\n]{0,8}(以后|将来|今后|明年)[^.!?\n]{0,12}(吗|么|不)\s*[?]?\s*$")
SOMEONE_GONE = re.compile(r"(如果|要是|万一)(一个)?人")  # a hypothetical death of "someone", not of a named relative
ADDRESSED = re.compile(r"你|(?<![a-z])(you|your)(?![a-z])")  # the message speaks to someone
OWN_VOICE = re.compile(r"(?:^|[\s,.!?;])我(?!们|哋)")  # a clause the writer begins in their own voice
CLASSIFIER_FILE = "crisis_classifier.npz"
MODEL_VERSION = 3  # the heads below; a change makes a saved classifier stale
# the n-grams count twice: on the 26 crisis sets (never trained on) the classifier alone then ranks messages better
# (AUC 0.954 -> 0.969, 2026-11-30) and is less often sure of risk on ordinary follow-ups; a smaller L2 penalty
# ranked better still but grew sure of risk on everyday lines ("一晚上打了四十多个"). The acts keep weight 1.
NGRAM_WEIGHT = 2.0
# risk: someone may be at risk (the writer or a person they describe); imminent: among the at-risk sentences, a
# plan, means, time or farewell against ideation without one; other: someone else at risk against the writer
HEADS = ("risk", "imminent", "other")
TRAINING_FILE = "crisis_training.yaml"
# the classifier's sentences by group: at risk by kind (imminent, ideation, other), at risk of no stated kind, not
GROUPS = ("imminent", "ideation", "other", "at_risk", "not_at_risk")


def clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` begins: after the last stop or space before it."""
    return max((m.end() for m in WORD_GAP.finditer(text, 0, at)), default=0)


class Lexicon:
    """One list of crisis.yaml patterns. `search` tries the lines one by one and keeps the leftmost match (the first
    line on a tie), as one alternation of them all would: each line alone starts only where its first characters
    are, which makes the lists several times faster to read. `finditer` and `sub` go on from the end of each match,
    as the alternation does (no line matches an empty text: `bot check` refuses one that does)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = [re.compile(line) for line in lines]

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = [match for match in (line.search(text, pos, endpos) for line in self.lines) if match]
        return min(found, key=lambda match: match.start()) if found else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        while (match := self.search(text, pos, endpos)) is not None:
            yield match
            pos = max(match.end(), match.start() + 1)

    def sub(self, replacement: str, text: str) -> str:
        return _blank(text, [match.span() for match in self.finditer(text)], replacement)


def _blank(text: str, spans: list[tuple[int, int]], replacement: str = " ") -> str:
    """The text with each span replaced, as re.sub(pattern, " ", text) does."""
    kept, end = [], 0
    for start, stop in spans:
        kept += [text[end:start], replacement]
        end = stop
    return "".join(kept) + text[end:]


def ordinary_questions(passages: list[Passage]) -> list[str]:
    """How borrowers ask everyday questions (the passages' Chinese `asks`): not-at-risk examples for the
    classifier. The English asks are left out: hundreds more negatives would outweigh the rest."""
    return [ask for passage in passages for ask in passage.asks if re.search(r"[\u4e00-\u9fff]", ask)]


@dataclass(frozen=True)
class FirstStep:
    """What to do first in an imminent crisis, by the means named (crisis.yaml, first_step)."""

    key: str
    words: re.Pattern[str]
    step: str
    step_en: str
    again: bool = False  # said once more when they say they are better: only for a means actually named
    ask: str = ""  # after the step was said twice, whether it is done ("你现在离开边上了吗？"), not the step a third time
    ask_en: str = ""
    helper: str = ""  # what those with the person do first, told to someone helping from afar ("老乡说屋里有股炭味")
    helper_en: str = ""


# means that put the person in danger where they are now (a height, a car, a charcoal room …): the step is said every
# time; with something already taken or a wound added, the crisis reply stays whatever they ask
PLACED = ("height", "railing", "vehicle", "air", "boat", "holding_child", "window")
AT_THE_EDGE = (*PLACED, "taken", "wound")
# another life at stake: someone to be taken along (a child, a dependent parent, "the two of us"), or an unborn child
TAKEN_ALONG = ("children", "dependent", "two_of_us", "both_of_us")
TWO_LIVES = (*TAKEN_ALONG, "pregnant")
# the other life told more exactly after the children's step ("孩子还在我肚子里", "什么孩子？是我妈"): its step replaces it
CORRECTS = ("pregnant", "two_of_us")


@dataclass(frozen=True)
class Risk:
    tier: str = "none"  # none | check_in | crisis
    reason: str = ""  # which layer decided: imminent, direct, other, possible, semantic, after crisis, ...
    imminent: bool = False  # a plan, means, time or farewell: 110/120 first
    helper: bool = False  # someone else is at risk; the writer is helping
    distress: bool = False  # fear, exhaustion, sleeplessness without ideation
    mentioned: bool = False  # suicide raised by a collector, the news or a past event (a quiet line)
    soft: bool = False  # a weak sign (死, 结束, 最后 …): never refuse such a message as out of scope; ask
    means: str = ""  # for an imminent crisis, the kind of means named (a first_step key: taken, air, height, default)
    probability: float = 0.0  # the classifier's estimate that the writer may be at risk (0 for short texts)

    @property
    def placed(self) -> bool:
        return self.means in PLACED

    @property
    def takes_someone(self) -> bool:
        """Someone is to be taken along: the one beside them (asleep, bedridden) is not woken to hear it (walks 67, 68)."""
        return self.means in TAKEN_ALONG

    @property
    def debt_can_wait(self) -> bool:
        """At the edge, something taken, or another life at stake: no line offering the debt help for later."""
        return self.means in AT_THE_EDGE or self.means in TWO_LIVES


@dataclass(frozen=True)
class Estimate:
    risk: float = 0.0  # someone may be at risk
    imminent: float = 0.0  # if so: a plan, means, time or farewell
    other: float = 0.0  # if so: someone other than the writer


def train_heads(encode, groups: dict[str, list[str]]) -> Heads:
    """`groups` holds simplified, lowercased sentences by GROUPS."""
    texts, kinds = labelled(groups, GROUPS)
    x = matrix(encode, texts, NGRAM_WEIGHT)
    own = np.isin(kinds, ("imminent", "ideation"))
    described = own | (kinds == "other")
    return Heads({"risk": fit(x, (kinds != "not_at_risk").astype(np.float32)),
                  "imminent": fit(x[own], (kinds[own] == "imminent").astype(np.float32)),
                  "other": fit(x[described], (kinds[described] == "other").astype(np.float32))}, NGRAM_WEIGHT)


@dataclass(frozen=True)
class Hotline:
    region: str
    key: str
    name: str
    name_en: str
    contact: str
    hours: str
    checked: str
    source: str
    contact_en: str = ""  # where the contact is words, not a number ("当地报警 / 急救电话"): in English
    hours_en: str = ""  # the hours in English, for lines English writers are sent to ("every day 10 am to 10 pm")

    @property
    def contact_in_english(self) -> str:
        return self.contact_en or self.contact


OPTIONAL = ("contact_en", "hours_en")  # hotline fields that may be left out


class RiskRules:
    def __init__(self, path: Path) -> None:
        self.path = path
        problems: list[str] = []
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError([f"{path}: not valid YAML ({exc}); check indentation and quoting"]) from exc
        lexicon = data.get("lexicon") or {}
        self.patterns: dict[str, Lexicon] = {}
        for name in LEXICON:
            lines = lexicon.get(name)
            if not isinstance(lines, list) or not lines:
                problems.append(f"{path}: lexicon '{name}' is missing; add a list of patterns under lexicon: {name}:")
                continue
            broken = len(problems)
            for number, line in enumerate(lines, 1):
                rewritten = [c for c in HAN.findall(str(line)) if to_simplified(c) != c]
                if rewritten:  # messages are read in simplified characters: this could never match
                    problems.append(f"{path}: lexicon '{name}' line {number} has {rewritten[0]}, which every message "
                                    f"is turned into {to_simplified(rewritten[0])} before it is read; "
                                    f"write {to_simplified(rewritten[0])}")
                try:
                    if re.compile(str(line)).fullmatch(""):  # a stray | would match every message
                        problems.append(f"{path}: lexicon '{name}' line {number} matches an empty message; "
                                        "look for a | at the start or end of the line, or two || together")
                except re.error as exc:
                    problems.append(f"{path}: lexicon '{name}' line {number} is not a valid pattern ({exc}); "
                                    "check brackets and | signs")
            if len(problems) == broken:
                self.patterns[name] = Lexicon([str(p) for p in lines])
        exemplars = data.get("exemplars") or {}
        training_path = path.parent / TRAINING_FILE
        try:
            training = yaml.safe_load(training_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"{training_path}: cannot be read ({exc}); it holds the classifier's sentences")
            training = {}
        self.exemplars: dict[str, list[str]] = {group: [] for group in GROUPS}
        sources = [(exemplars, path, "possible", "at_risk"), (exemplars, path, "not_crisis", "not_at_risk")]
        sources += [(training, training_path, group, group) for group in GROUPS]
        for source, where, name, group in sources:
            lines = source.get(name) if isinstance(source, dict) else None
            if lines is None and source is training and group == "at_risk":
                continue  # at risk of no stated kind: optional
            if not isinstance(lines, list) or not all(isinstance(x, str) and x.strip() for x in lines or [None]):
                problems.append(f"{where}: '{name}' must be a list of sentences (each starting with '- ')")
                continue
            self.exemplars[group] += [x.strip() for x in lines]
        for group in GROUPS[:3]:
            if training and not self.exemplars[group]:
                problems.append(f"{training_path}: '{group}' is empty; the classifier needs at-risk sentences "
                                "of each kind (imminent, ideation, other)")
        self.hotlines: dict[str, tuple[Hotline, ...]] = {}
        for region in (*REGIONS, MACAU, ABROAD):
            entries = (data.get("hotlines") or {}).get(region) or []
            lines = []
            for number, entry in enumerate(entries, 1):
                try:
                    lines.append(Hotline(region, **{k: str(entry.get(k, "")) for k in Hotline.__dataclass_fields__
                                                     if k != "region" and (k not in OPTIONAL or k in entry)}))
                    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[-1].checked) or not lines[-1].contact:
                        raise ValueError
                    if lines[-1].key == "english" and not lines[-1].hours_en:  # English writers are told when
                        problems.append(f"{path}: hotlines {region} entry {number} (english) needs hours_en, "
                                        "its hours in English (e.g. every day 10 am to 10 pm)")
                except (AttributeError, ValueError):
                    problems.append(f"{path}: hotlines {region} entry {number} needs key, name, name_en, contact, "
                                    "hours, checked (a date like 2026-11-29) and source")
            if not lines:
                problems.append(f"{path}: hotlines '{region}' is empty; list at least one checked number")
            self.hotlines[region] = tuple(lines)
        self.first_steps: list[FirstStep] = []
        for number, entry in enumerate(data.get("first_step") or [], 1):
            try:
                self.first_steps.append(FirstStep(str(entry["key"]), re.compile(str(entry.get("words") or "(?!)")),
                                                  str(entry["step"]), str(entry["step_en"]),
                                                  entry.get("again") is True, str(entry.get("ask") or ""),
                                                  str(entry.get("ask_en") or ""), str(entry.get("helper") or ""),
                                                  str(entry.get("helper_en") or "")))
            except (KeyError, TypeError, re.error) as exc:
                problems.append(f"{path}: first_step entry {number} needs key, words (a pattern, empty for the last), "
                                f"step and step_en, and may have ask, ask_en, helper and helper_en ({type(exc).__name__}: {exc})")
                continue
            if entry.get("again", False) not in (True, False):
                problems.append(f"{path}: first_step entry {number} ('{entry['key']}'): again is "
                                f"{entry['again']!r}; write true or false (or leave it out)")
        if not self.first_steps or self.first_steps[-1].words.pattern != "(?!)":
            problems.append(f"{path}: first_step needs a last entry with empty words (the step when no means is named)")
        self.semantic = {str(k): v for k, v in (data.get("semantic") or {}).items()}
        for name, entry in self.semantic.items():
            if not isinstance(entry, dict) or set(entry) != set(SEMANTIC):
                problems.append(f"{path}: semantic '{name}' needs {', '.join(SEMANTIC)}, "
                                "like {check_in: 0.5, alone: 0.8, long: 0.6, long_plan: 0.7, sure_plan: 0.45, story: 0.85, "
                                "crisis: 0.7, imminent: 0.5, acute: 0.9, other: 0.85, min_chars: 8}")
        if "default" not in self.semantic:
            problems.append(f"{path}: semantic needs a 'default' entry with {', '.join(SEMANTIC)}")
        self.regions = {k: re.compile(v, re.IGNORECASE) for k, v in (data.get("regions") or {}).items()}
        # abroad, the emergency number of the country named ("我在东京" → 110 / 119)
        # and, where one is listed (`talk`), the country's own crisis line, given before the lines dialled from abroad
        self.abroad: list[tuple[str, re.Pattern[str], Hotline, Hotline | None]] = []
        generic = next((line for line in self.hotlines.get(ABROAD, ()) if line.key == "emergency"), None)
        for number, entry in enumerate(data.get("abroad_emergency") or [], 1):
            try:
                places = re.compile(str(entry["places"]), re.IGNORECASE)
                if generic is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(entry["checked"])):
                    raise ValueError("checked")
                talk = entry.get("talk")
                self.abroad.append((str(entry["key"]), places, replace(
                    generic, contact=str(entry["contact"]), contact_en=str(entry["contact_en"]),
                    checked=str(entry["checked"]), source=str(entry.get("source", ""))), Hotline(
                    ABROAD, "local_talk", str(talk["name"]), str(talk["name_en"]), str(talk["contact"]),
                    str(talk["hours"]), str(talk["checked"]), str(talk["source"]), hours_en=str(talk["hours_en"]))
                    if talk else None))
            except (KeyError, TypeError, ValueError, re.error) as exc:
                problems.append(f"{path}: abroad_emergency entry {number} needs key, places (a pattern), contact, "
                                f"contact_en and checked (a date like 2026-11-30), and its talk line (if any) name, "
                                f"name_en, contact, hours, hours_en, checked and source ({type(exc).__name__}: {exc})")
        if set(self.regions) != {*REGIONS, MACAU, ABROAD, "cantonese"}:
            problems.append(f"{path}: regions needs 'mainland', 'hk', 'tw', 'mo', 'abroad' (places) and 'cantonese' (writing) "
                            "patterns")
        if problems:
            raise KnowledgeError(problems)
        self.model: Heads | None = None  # trained with the index

    # --- the classifier, trained with the index and checked against its sentences --------------

    def sentences(self, ordinary: list[str]) -> dict[str, list[str]]:
        """The training sentences by group, simplified and lowercased. `ordinary` are everyday messages (the
        passages' `asks`, the small talk and questions of dialogue_training.yaml): more examples of not at
        risk, except those the lexicon reads as a sign of risk ("好想消失", "快撑不住了"), which are not for us to
        label. Weak words stay ("笑死", "好累"): they are the hard cases the classifier must learn."""
        groups = {group: [normalise(x).text.lower() for x in lines] for group, lines in self.exemplars.items()}
        signs = ("imminent", "direct", "other", "possible")
        groups["not_at_risk"] += [text for text in (normalise(x).text.lower() for x in ordinary)
                                  if not any(self.patterns[name].search(text) for name in signs)]
        return groups

    def stamp(self, embedder_name: str, ordinary: list[str]) -> str:
        return digest(MODEL_VERSION, embedder_name, {**self.exemplars, "ordinary": ordinary})

    def words(self) -> tuple[str, ...]:
        """The words of the means and places the lexicon names (脚手架, 敌敌畏, 烂尾楼): runs of two or more characters
        outside its character classes and look-arounds, for the pinyin table."""
        found: list[str] = []
        for name in ("means_hint", "soft"):
            for line in self.patterns[name].lines:
                bare = re.sub(r"\(\?<?[!=](?:[^()]|\([^()]*\))*\)|\[[^\]]*\]", "|", line.pattern)
                found += re.findall(r"[\u4e00-\u9fff]{2,}", bare)
        return tuple(dict.fromkeys(found))

    def train(self, encode, index_dir: Path, embedder_name: str, ordinary: list[str]) -> None:
        """Fit the classifier on its sentences and save it with the index."""
        train_heads(encode, self.sentences(ordinary)).save(index_dir / CLASSIFIER_FILE,
                                                           self.stamp(embedder_name, ordinary))

    def load_classifier(self, index_dir: Path, embedder_name: str, ordinary: list[str]) -> bool:
        """False when the trained classifier is missing or stale (the caller says how to rebuild)."""
        self.model = Heads.load(index_dir / CLASSIFIER_FILE, self.stamp(embedder_name, ordinary), HEADS, NGRAM_WEIGHT)
        return self.model is not None

    def estimate(self, text: str, vector: np.ndarray) -> Estimate:
        """The classifier's reading of a simplified, lowercased text and its embedding."""
        assert self.model is not None
        return Estimate(**self.model.probabilities(text, vector))

    # --- reading one message ------------------------------------------------------------------

    def story(self, masked: str, encode: Callable[[list[str]], np.ndarray], min_chars: int) -> list[Estimate]:
        """The classifier's reading of each stretch of a long message: each clause joined with the next until it
        has min_chars words, all encoded in one batch."""
        parts = [p.strip() for p in CLAUSE_END.split(masked) if p.strip()]
        stretches = []
        for start in range(len(parts)):
            end = start + 1
            while end < len(parts) and len(WORDS.findall(",".join(parts[start:end]))) < min_chars:
                end += 1
            stretches.append(",".join(parts[start:end]))
        stretches = list(dict.fromkeys(stretches))
        return [self.estimate(t, v) for t, v in zip(stretches, encode(stretches))]

    def set_aside(self, stops: str) -> list[tuple[int, int]]:
        """The spans of `stops` (oaths removed, 。 read as ".") that are not the writer's own words: someone else's
        words, news, a denial such as "我现在没在楼顶" (crisis.yaml, not_self)."""
        return [found.span() for found in self.patterns["not_self"].finditer(stops)]

    def someone_elses(self, text: str, at: int) -> bool:
        """Whether the feeling at `at` is someone else's: its clause names a person (crisis.yaml, person) and,
        those words aside, not the writer ("我妈一个人在家 她很怕" is the mother's fear, "我妈骂我 我好怕" the
        writer's): their fear asks what the family can do, not ways for the writer to cope (walk 54's talk)."""
        clause = CLAUSE_END.split(text[:at])[-1]
        if not self.patterns["person"].search(clause):
            return False
        return not SELF.search(self.patterns["person"].sub(" ", clause))

    def others_fear(self, text: str) -> bool:
        """Whether the message tells of someone else's fear ("我妈一个人在家 她很怕"): not the writer's distress, but
        still a sign that something is wrong, never refused."""
        return any(self.someone_elses(text, found.start()) for found in self.patterns["distress"].finditer(text))

    def own_words(self, text: str) -> str:
        """`text` (simplified, lowercased) with what the lexicon sets aside blanked out: where a means or place named
        is read from."""
        stops = self.patterns["swear"].sub(" ", text).replace("。", ".")
        return _blank(stops, self.set_aside(stops))

    def assess(self, text: str, vector: np.ndarray | None, check_in: float = 0.5, alone: float = 0.8,
               long: float = 0.6, long_plan: float = 0.7, sure_plan: float = 1.0, story: float = 0.85, crisis: float = 0.7,
               imminent: float = 0.5, acute: float = 0.9, other: float = 0.85, min_chars: int = 8,
               encode: Callable[[list[str]], np.ndarray] | None = None, threatened: bool = False,
               armed: bool = False) -> Risk:
        """`text` is simplified and lowercased; `vector` its embedding (None for emoji or digits alone);
        `encode` embeds the clauses of a long story; `threatened`: the message tells of a threat to the
        person's safety (堵在门口, 上门), whose fear the classifier can mistake for despair; `armed`: the writer speaks of
        turning on the collectors (报复, 同归于尽), so a means named is in the writer's hands. The other arguments
        are the classifier's settings for the embedder (crisis.yaml, semantic)."""
        # an oath ("活着真他妈没劲") is no person: read as if it were not there
        text = self.patterns["swear"].sub(" ", text)
        # the lexicon's windows ([^.!?]) stop at the end of a sentence, and NFKC leaves the ideographic full stop:
        # the words are read with 。 as "." (one character for one, so the set-aside spans fit both); the classifier
        # reads the text as it was trained, with 。
        stops = text.replace("。", ".")
        spans = self.set_aside(stops)
        masked, read = (_blank(t, spans) for t in (stops, text))
        # someone else's words or death were set aside (a quote, a prescription, a parent)
        mentioned = masked != stops and bool(self.patterns["suicide_named"].search(text))
        # the classifier reads the whole message: it is distrusted where what was set aside speaks of death or
        # carries a weak sign, not where it is only what others said or did ("催收今天骂我全家", "那边说要来拖车":
        # walk 45's live moments, "打火机 炭 胶带 全在床底下" beside them read only as a question)
        aside = any(not self.patterns["collectors_only"].search(span) or self.patterns["death_or_care"].search(span)
                    or self.patterns["soft"].search(span)
                    for span in (stops[start:end] for start, end in spans))
        distress = any(not self.someone_elses(masked, found.start())
                       for found in self.patterns["distress"].finditer(masked))
        # the classifier guesses on short texts: at least min_chars Chinese characters, or as many English words
        length = len(WORDS.findall(masked))
        long_enough = length >= min_chars
        guess = self.estimate(read, vector) if vector is not None and self.model and long_enough else Estimate()
        # someone else described (他/她, 老公 …), not spoken to: a farewell says 你 to the one it leaves
        # (their words told by the writer count even when they speak to 你: "she said … so you don't have to")
        described = bool(self.patterns["person"].search(masked)) and (
            (guess.other >= other and not ADDRESSED.search(masked)) or self.reports(masked))
        found = self.patterns["imminent"].search(masked)
        plan = found is not None
        # (not the child the writer would take along: "想带着孩子一起走 开煤气", walk 67, is the writer's plan; nor a
        # father in a plan of "我俩一起走", walk 68)
        other_found = self.patterns["other"].search(masked)
        taken_along = found is not None and (WE.search(found.group(0)) is not None or (
            "带" in found.group(0) and other_found is not None and found.start() <= other_found.start() < found.end()))
        someone = other_found is not None and not taken_along
        direct = self.patterns["direct"].search(self.patterns["other"].sub(" ", masked) if someone else masked)
        # "老婆要离婚 活不下去了" (walk 57): the wife is named, but the words stand in a clause of their own that names no
        # one, with no one's words told before them: the writer's, not someone else's
        bare = self.patterns["direct"].search(masked) if someone and not direct else None
        if bare and self.own_clause(masked, bare):
            someone, direct = False, bare
        own = direct is not None
        # "我室友…前天还跟我说好累不想撑了": the words of someone named, said to the writer, not the writer's own
        said_to_me = self.patterns["told_me"].search(masked) if own and not someone else None
        if direct and said_to_me and said_to_me.end() <= direct.start() and self.patterns["person"].search(
                masked, 0, said_to_me.start()):
            someone, own = True, False
        # "我爸欠了网贷 他说不如死了算了 我好怕" (walk 50): the direct words follow someone's verb of saying at once
        # (nothing of the writer's between), so they are that person's, told by a frightened child
        elif direct and own and not someone and self.reported_before(masked, direct.start()):
            someone, own = True, False
        # "我老公留了张纸条出门了 … 纸条上写着 债我自己了断" (walk 57): a note someone left, read out by the writer
        elif direct and own and self.note_of_other(masked, (self.patterns["direct"].search(masked) or direct).start()):
            someone, own = True, False
        # "我同事说他网贷还不上就去死 … 今天他没来上班" (walk 52): someone's words told by the writer, and the classifier
        # very sure it is about someone else
        elif direct and own and not someone and guess.other >= other and self.reports(masked[:direct.start()]):
            someone, own = True, False
        if plan or someone or own:
            reason = "imminent" if plan else "other" if someone and not own else "direct"
            # "我哥发朋友圈说 对不起大家 这辈子就这样了": a plan in someone's words, told by the writer
            # or a means the writer saw someone else hide, the classifier sure it is them ("我看到他把一瓶敌敌畏塞在衣柜
            # 最里面")
            # (not when the writer acts in the plan's own clause: "我爸逢人就说儿子读研究生 我买了一瓶百草枯")
            # (a plan the writer is part of, "我们一家就一起解脱", is theirs too, whoever else says it)
            # (a note someone else left, read out: "我老公留了张纸条…纸条上写着 债我自己了断", walk 57; the 我 is his)
            note = found is not None and self.note_of_other(masked, found.start())
            # (words said to the writer by someone named before them, "我表弟…啱啱WhatsApp我話 …以後唔好再掛住我", are that
            # person's, whatever 我 they hold, walk 71)
            said = self.patterns["told_me"].search(masked) if plan else None
            told_before = said is not None and said.end() <= found.start() and bool(
                self.patterns["person"].search(masked, 0, said.start()))
            # (or inside the quotation marks of someone's words: "他今天早上说“我走了，别找我”，现在手机关机了", walk 78)
            told_before = told_before or (plan and any(
                quote.start(2) <= found.start() < quote.end(2) for quote in QUOTED_WORDS.finditer(masked)))
            told = plan and not WE.search(found.group(0)) and (told_before or (
                (note or not self.own_act(masked, found)) and (
                    note or (guess.other >= 0.3 and self.reports(masked)) or described or self.acting(masked, found))))
            # "家里还有半瓶敌敌畏 我不想活了": a direct statement with a means or a time named is urgent
            urgent = plan or (own and not someone and bool(self.patterns["means_hint"].search(masked)
                                                           or self.patterns["plan_hint"].search(masked)))
            helper = (someone or told) and not own
            # someone at risk who can't be reached now ("电话关机", "锁在里面不应"): looked for now, not waited for
            missing = helper and bool(self.patterns["unreachable"].search(masked))
            return Risk("crisis", f"{reason}+missing" if missing else reason, imminent=urgent or missing, helper=helper,
                        distress=distress, mentioned=mentioned, probability=guess.risk)
        soft = bool(self.patterns["soft"].search(masked))
        # the classifier is believed at even odds where the words could carry risk (on short, plain questions
        # such as "那我该怎么跟爸妈说" it guesses), and without such words only when it is sure and nothing was
        # set aside
        believed = (alone if aside else check_in) if soft else alone if not aside else None
        # where others threaten the person ("说今晚就带人过来"), the classifier reads their fear as despair: the
        # threat is answered (110 first), and only the words can raise risk
        semantic = not (mentioned or threatened) and believed is not None and guess.risk >= believed
        sure = semantic and soft and guess.risk >= crisis and not aside  # enough to act on
        # no weak word, but the classifier is very sure of risk and of a plan, means or farewell ("订了个酒店今晚
        # 一个人住，谁也不想见"): the full reply; never where someone else's words were set aside or others
        # threaten the person
        # (a plan takes words: a short line such as "你好。我年纪大了，不太会用这个" is only asked about)
        # (or sure enough of risk to ask alone, and very sure of a farewell in the writer's own words: "手机里的照片都删
        # 干净了，微信退了所有群"; not "她给我表哥做了担保…催收天天找她", read as about someone else)
        acute_alone = semantic and not (aside or threatened) and length >= PLAN_WORDS and (
            (guess.risk >= acute and guess.imminent >= imminent)
            or (guess.risk >= alone and guess.imminent >= acute and guess.other < 0.5))
        # a long message the classifier is sure of, reading a plan, means or farewell in the writer's own words: the
        # full reply also where a collector's words were set aside ("工作交接文档写完发给组长了…以后也不会再去任何地方了，
        # 催收再打到公司你们就说查无此人吧")
        long_read = semantic and length >= LONG_WORDS and guess.risk >= alone and guess.imminent >= imminent and (
            guess.other < 0.5)
        sign = self.patterns["possible"].search(masked)
        possible = sign is not None
        # asked about so far, but the classifier is very sure of a plan, means or farewell in the writer's own words
        # and fairly sure of risk ("买了酒和两盒头孢放在一起了 催收都打到我女儿学校了 我没脸了"): the full reply
        # (not a message that ends asking about its own future: "算了，你说不清楚。最后问一下，这会影响我以后回深圳工作吗", walk 78,
        # is asked about, not given 110)
        sure_of_plan = (length >= PLAN_WORDS and guess.risk >= sure_plan and guess.imminent >= acute
                        and guess.other < 0.3 and not (aside or threatened or mentioned)
                        and not FUTURE_ASKED.search(masked))

        def read_plan() -> Risk:
            """The full reply on the classifier's reading of a plan, means or farewell."""
            means = bool(self.patterns["means_hint"].search(masked))
            return Risk("crisis", f"semantic+{'means' if means else 'plan'}", imminent=True, distress=distress,
                        probability=guess.risk)

        def asked(reason: str) -> Risk:
            """The check-in, or the full reply where the classifier is sure of a plan (`sure_of_plan`)."""
            if sure_of_plan:
                return read_plan()
            return Risk("check_in", reason, distress=distress, mentioned=mentioned, probability=guess.risk)

        def stretches() -> list[Estimate]:
            return self.story(read, encode, min_chars) if (
                encode is not None and self.model and not mentioned and len(read) >= STORY_CHARS) else []

        def plan_in(parts: list[Estimate]) -> Risk | None:
            """Where one line of a long story reads as a plan, means or farewell ("我昨晚已经上去坐过一回了" in a
            story of debts and a tower crane's key) and nothing in it was someone else's words: the full reply."""
            found = next((part for part in parts if part.risk >= story and part.imminent >= imminent), None)
            if found is None or aside or threatened:
                return None
            # the helper reply when the story is about someone else's plan ("她把一瓶农药藏在米缸后面")
            helper = described or self.reports(masked) or (
                found.other >= other and bool(self.patterns["person"].search(masked)))
            return Risk("crisis", "story+plan", imminent=True, helper=helper, distress=distress,
                        probability=guess.risk)

        # a relative who can't be reached ("我弟联系不上了"): the family is helped; with any sign of risk, the helper
        # reply; alone, the answer with one line on what to do while ta can't be reached
        unreachable = bool(self.patterns["unreachable"].search(masked))
        # words of risk set aside as someone's quote, then the person can't be reached ("他说‘你们不用再管我了’ 现在房门
        # 反锁着"): whoever said them, someone is alone with them now
        if unreachable and any(self.patterns["soft"].search(stops[start:end]) for start, end in spans):
            return Risk("crisis", "other+missing", imminent=True, helper=True, distress=distress,
                        mentioned=mentioned, probability=guess.risk)
        if unreachable and not (possible or semantic):
            return Risk("check_in", "unreachable", helper=True, distress=distress, mentioned=mentioned,
                        probability=guess.risk)
        # drunk and sleepless in the night ("喝多了 睡不着 凌晨三点了", walk 57): asked about, never given the full reply on
        # the classifier's reading alone; a means or a time in the same words is read as usual
        if not (possible or mentioned) and self.patterns["ask_only"].search(masked) and not (
                self.patterns["means_hint"].search(masked) or self.patterns["plan_hint"].search(masked)):
            return Risk("check_in", "possible: ask only", distress=distress, probability=guess.risk)
        # "那我死了 欠的钱会让我爸妈还吗" (walk 73, after "我不会想不开的"): the writer's own death, asked about, however
        # plainly it is put as a question about the debt (not "人死了以后…", a family member's death)
        mine = self.patterns["own_death"].search(masked)
        # (or "如果一个人欠了网贷 人不在了 这个债是不是要孩子还": "someone" in a hypothetical is often the writer, walk 72)
        if not (possible or semantic) and mine and ("我" in mine.group(0) or SOMEONE_GONE.match(mine.group(0))) and (
                not threatened):
            return Risk("check_in", "possible: own death", distress=distress, mentioned=mentioned,
                        probability=guess.risk)
        if not (possible or semantic):
            # where a collector's words were set aside or others threaten the person, the classifier is not
            # acted on, but with a weak word and the classifier very sure it is asked about ("催收天天打 我在桥上
            # 站了很久"); fear of the threat alone ("他说今晚就带人来") is answered with safety
            if not mentioned and (aside or threatened) and soft and guess.risk >= acute:
                return Risk("check_in", "semantic: guarded", distress=distress, probability=guess.risk)
            # one line of despair in a long story is asked about: a story mixes many things
            parts = stretches()
            in_story = plan_in(parts)
            if in_story:
                return in_story
            if any(part.risk >= story for part in parts):
                return asked("story")
            # a means or a farewell told in everyday words ("老房子的房梁很结实 我今天搬梯子上去看过了…") leaves the
            # classifier only fairly sure: a message long enough to read is asked about at `long` (on short replies
            # such as "好吧 那就这样 谢了" it guesses), and given the full reply where it is surer (`long_plan`) and very
            # sure of a plan, means or farewell in the writer's own words; never where others' words were set aside or
            # others threaten
            if length >= LONG_WORDS and guess.risk >= long and not (aside or threatened):
                if guess.risk >= long_plan and guess.imminent >= acute and guess.other < 0.5:
                    return read_plan()
                return asked("semantic: long")
            return Risk("none", "", distress=distress, mentioned=mentioned, soft=soft, probability=guess.risk)
        reason = "possible" if possible else "semantic"
        # a knife or a rope in the hands of those who threaten the person is not a means of their own; in the hands
        # of a writer who would take the collectors down with them it is ("汽油买好了 明天去他们公司 大家同归于尽")
        means = bool(self.patterns["means_hint"].search(masked)) and (armed or not threatened)
        hint = means or bool(self.patterns["plan_hint"].search(masked))
        # a third person is all the message speaks of, with a means or a time ("这几天他特别反常 半夜一个人坐在阳台上")
        # (not a message spoken to someone: "照顾好你妈 她腰不好" is a farewell to a son)
        third = hint and THIRD_PERSON.search(masked) is not None and not (FIRST_PERSON.search(masked)
                                                                          or ADDRESSED.search(masked))
        # "老婆要离婚 活不下去了" (walk 57): someone is named, but the words of despair stand in a clause of their own
        # that names no one, and no one's words are told before them: the writer's own, asked about, not a helper's
        own_sign = sign is not None and self.own_clause(masked, sign)
        # "我老婆说她撑不住了": the helper reply
        if ((possible or sure) and ((described and not own_sign) or third)) or unreachable:
            return Risk("crisis", f"{reason}+{'missing' if unreachable else 'other'}", helper=True,
                        imminent=hint or unreachable or guess.imminent >= imminent,
                        distress=distress, mentioned=mentioned, probability=guess.risk)
        # the classifier reads a plan, means or farewell and is believed: with a weak word, or with a phrase of
        # possible ideation where it is as sure and nothing was set aside; not where others threaten the person,
        # whose fear it can read as a plan ("昨天拿着刀在我家楼下等我")
        plan_read = guess.imminent >= imminent and not threatened and (
            sure or (possible and guess.risk >= crisis and not aside))
        # very sure without a weak word, and the words name a time or a means ("过完年我就去"): as sure as with one
        confident = semantic and guess.risk >= acute and not (aside or threatened)
        if ((possible or sure or confident) and hint) or plan_read or acute_alone or long_read:
            return Risk("crisis", f"{reason}+{'means' if means else 'plan'}", imminent=True, distress=distress,
                        mentioned=mentioned, probability=guess.risk)
        in_story = plan_in(stretches())  # a story asked about as a whole may still hold a plan in one line
        if in_story:
            return in_story
        if self.patterns["own_death"].search(masked):
            if hint and not (aside or threatened):
                # what happens to the debt once they are dead, with a time or a means ("考完最后一科我就走 … 人走了他们
                # 总不用替我还了吧"): a plan, not a question about inheritance
                return Risk("crisis", f"possible+{'means' if means else 'plan'}", imminent=True, distress=distress,
                            mentioned=mentioned, probability=guess.risk)
            reason = "possible: own death"  # asked about, never answered as a question about debts after death
            return Risk("check_in", reason, distress=distress, mentioned=mentioned, probability=guess.risk)
        return asked(reason)

    def own_clause(self, masked: str, sign: re.Match[str]) -> bool:
        """The words of `sign` stand in a clause that names no one (they themselves included) and tells no one's
        words, and no one's words are told before them: the writer's own, whoever else the message names ("老婆要离婚
        活不下去了"; not "最近老说活着没意思", "如果她不在了")."""
        clause = masked[clause_start(masked, sign.start()):sign.end()]
        # what others said is told and done with once the writer speaks again in a clause of their own ("老婆…说要离婚
        # … 我觉得我就是个废物 要是我不在了…", walk 64): only what comes after that is read for someone else's words
        voice = self.own_voice(masked, sign.start())
        return not (self.patterns["person"].search(clause) or self.patterns["reported"].search(clause)
                    or self.reports(masked[voice:sign.start()])
                    or self.patterns["told_me"].search(masked, voice, sign.start()))

    def own_voice(self, masked: str, before: int) -> int:
        """Where the last clause before `before` that begins with the writer's 我 (not "我妈", "我们") starts; 0 if none.
        A 我 inside quotation marks is the one quoted ("他跟我说“爸，我活着就是拖累你们”", walk 84), not the writer."""
        for found in reversed(list(OWN_VOICE.finditer(masked, 0, before))):
            at = found.end() - 1
            if masked.count("“", 0, at) + masked.count("「", 0, at) > masked.count("”", 0, at) + masked.count("」", 0, at):
                continue
            person = self.patterns["person"].search(masked, at, at + 6)
            if person is None or person.start() != at:
                return at
        return 0

    def acting(self, masked: str, plan: re.Match[str]) -> bool:
        """Someone named just before the plan or means read (`plan`), with no 我 or 你 between ("我哥现在站在我们小区楼顶", "发现她在
        卫生间用刀划手腕"): they are doing it, not the writer. Not a person the writer speaks or writes to ("给我妈留了
        遗书", "孩子他爸，我先走了")."""
        for person in self.patterns["person"].finditer(masked, 0, plan.start()):
            # only words of time or place between ("现在", "在卫生间用"), and the words read begin with the act and
            # don't say 我: "过完我儿子生日就走", "我妈那瓶降压药我已经拿到" are the writer's plan; a parent speaking of
            # themselves to a child ("爸爸先走一步了") is not someone else
            if (ACTING_BETWEEN.fullmatch(masked[person.end():plan.start()]) and person.group(0) not in SELF_NAMES
                    and ACT.match(plan.group(0)) and not re.search(r"我(?!们)|你", plan.group(0))
                    and not TO_SOMEONE.search(masked[max(0, person.start() - 4):person.start()])):
                return True
        return False

    def own_act(self, masked: str, plan: re.Match[str]) -> bool:
        """The writer acts in the clause that names the plan or means ("我买了一瓶百草枯"), with no one else named after
        them there ("我看到他把一瓶敌敌畏塞在衣柜里" is someone else's)."""
        me = SELF_ACTING.search(masked, clause_start(masked, plan.start()), plan.end())
        # ("我想从他家阳台跳下去": his home is a place, not him acting, walk 71)
        return me is not None and not self.patterns["person"].search(HOME_OF.sub(" ", masked[me.end():plan.end()]))

    def reports(self, masked: str) -> bool:
        """Someone's words told by the writer ("我弟老说活着没意思"): a person named, then within a few characters
        (none of them 我, 你, a stop or 跟) a verb of saying that is not followed by 我 ("我妈说我…" is about the writer).
        Not when the writer speaks to that person ("跟我哥说…", "替我给女儿说…": a farewell of their own).
        Words said to the writer ("昨天突然跟我说 以后孩子就靠你了") are someone else's, the person named before."""
        if self.patterns["told_me"].search(masked):
            return True
        for person in self.patterns["person"].finditer(masked):
            before = masked[max(0, person.start() - 10):person.start()]
            if TO_SOMEONE.search(before[-4:]) or TO_SOMEONE_EN.search(before):  # "gave my cat to my friend and wrote"
                continue
            if before.endswith(("让", "叫", "被")):  # "我不能让她看出来 小点声说": the one made to, not the one saying (walk 63)
                continue
            verb = self.says(masked, person, len(masked))
            if verb and not TO_SOMEONE.search(masked[person.end():verb.start()]):
                return True
        return False

    def says(self, masked: str, person: re.Match[str], end: int) -> re.Match[str] | None:
        """The verb of saying within ten characters after a person named (before `end`), with nothing of the
        writer's between (我, 你, a stop): "我弟老说", not "我妈知道了 我说"."""
        verb = self.patterns["reported"].search(masked, person.end(), min(end, person.end() + 10))
        return verb if verb and not WRITER.search(masked[person.end():verb.start()]) else None

    def note_of_other(self, masked: str, start: int) -> bool:
        """The words at `start` are read out from a note someone named left ("我老公留了张纸条出门了 … 纸条上写着 债我自己
        了断", "我爸给我留了封信 信上写着 …"), not one the writer left for them ("给我妈留了张纸条")."""
        if not NOTE_READ.search(masked, max(0, start - 16), start):
            return False
        for person in self.patterns["person"].finditer(masked, 0, start):
            left = NOTE_LEFT.search(masked, person.end(), min(start, person.end() + 8))
            if left and not WRITER.search(masked[person.end():left.start()]) \
                    and not TO_SOMEONE.search(masked[max(0, person.start() - 2):person.start()]):
                return True
        return False

    def reported_before(self, masked: str, start: int) -> bool:
        """A person named, then a verb of saying, then at once (no 我, 你 or stop between) the words at `start`:
        "他说不如死了算了", "我爸跟我妈说不想活了"; not "他们说要来 我真的不想活了"."""
        for person in self.patterns["person"].finditer(masked, 0, start):
            if person.group(0) in SELF_NAMES:
                continue
            verb = self.says(masked, person, start)
            if verb is None:
                continue
            after = masked[verb.end():start]
            if not WRITER.search(after) and len(after) <= 4 \
                    and not TO_SOMEONE.search(masked[max(0, person.start() - 4):person.start()]):
                return True
        return False

    def means(self, text: str) -> str:
        """The first_step key for the means a message names (the last entry's when it names none)."""
        return next((s.key for s in self.first_steps if s.words.search(text)), self.first_steps[-1].key)

    def entry(self, key: str) -> FirstStep:
        """The first_step entry for a key (the last one, for no means named, when there is none)."""
        return next((s for s in self.first_steps if s.key == key), self.first_steps[-1])

    def first_step(self, key: str, language: str, again: bool = False, asked: bool = False) -> str:
        """The step for a first_step key; with `again`, only a step marked to be said again (else ""); `asked`:
        said twice already, so whether it is done, when the entry has that question."""
        step = self.entry(key)
        if again and not step.again:
            return ""
        if asked and step.ask:
            return step.ask_en if language == "en" else step.ask
        return step.step_en if language == "en" else step.step

    def helper_means(self, text: str) -> str:
        """The first_step key, among those with a helper's step, for the means a helper reports; charcoal or gas before
        the rest ("炉子里还有炭…叫他叫不太醒": the air first, then 120)."""
        keys = [s.key for s in self.first_steps if s.helper and s.words.search(text)]
        return "air" if "air" in keys else keys[0] if keys else ""

    def helper_step(self, key: str, language: str) -> str:
        """What those with the person do first for the means a helper reports ("" where the entry has none)."""
        step = self.entry(key)
        return step.helper_en if language == "en" else step.helper

    def region(self, folded: str, here_only: bool = False) -> str:
        """'mainland', 'hk', 'tw', 'mo', 'abroad' or '' (no place said) from the original (not simplified) text. Where two places
        are named ("之前在上海上班 现在人回台湾了"), the one the person says they are in now. `here_only`: only a place
        they say they are in (where they are is already known: "我手机是台湾号码" does not move them)."""
        places = [(found.start(), region, found.end()) for region in (*REGIONS, MACAU, ABROAD)
                  for found in self.regions[region].finditer(folded) if not WHOSE.match(folded, found.end())]
        # not someone else's place ("my brother back home in Shanghai")
        here = [place for place in places if HERE.search(folded[max(0, place[0] - 3):place[0]])
                and not THERE.search(folded[max(0, place[0] - 30):place[0]].lower())
                and not GOING.search(folded[max(0, place[0] - 8):place[0]].lower())
                and not BEFORE.search(folded[max(0, place[0] - 8):place[0]])
                and not GOING_AFTER.search(folded[place[2]:place[2] + 20])]
        # "我是台湾人" says who they are, not where: another place named counts first
        elsewhere = [place for place in places if not IDENTITY.match(folded, place[2])]
        region = max(here)[1] if here else min(elsewhere or places)[1] if places and not here_only else ""
        if region == ABROAD:  # "abroad:jp" when the country is one whose emergency number is listed
            country = next((key for key, words, _, _ in self.abroad if words.search(folded)), "")
            return f"{ABROAD}:{country}" if country else ABROAD
        return region

    def theirs(self, folded: str) -> str:
        """'mainland', 'hk', 'tw' or 'mo' where the message places someone else there ("我在美国 我妈在国内 她说不想活了"),
        else ''."""
        places = [region for region in (*REGIONS, MACAU) for found in self.regions[region].finditer(folded)
                  if THERE.search(folded[max(0, found.start() - 30):found.start()].lower())]
        return places[0] if places else "mainland" if HOME_TOWN.search(folded) else ""

    def lines(self, region: str) -> tuple[Hotline, ...]:
        """The hotlines of a region ('' is the mainland); abroad, with the named country's emergency number."""
        if not region.startswith(ABROAD):
            return self.hotlines[region or "mainland"]
        local, talk = next(((line, talk) for key, _, line, talk in self.abroad if region == f"{ABROAD}:{key}"),
                           (None, None))
        return (*((talk,) if talk else ()),
                *(local if local and line.key == "emergency" else line for line in self.hotlines[ABROAD]))

    def cantonese(self, folded: str) -> bool:
        """Written Cantonese: the reply uses Hong Kong characters; it says nothing of where the person is."""
        return bool(self.regions["cantonese"].search(folded))
