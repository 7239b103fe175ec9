"""Turn hits, the triage and the conversation into a channel-free reply.

A first answer is short: the reading of the topic the top passages and the conversation agree on,
up to three steps, one help channel; shorter still (`brief`: no headings, two steps; the reading and its
conditions stay whole) for someone who said there are too many words, or who is in a crisis and asks about
the debt. The rest (laws, more steps, channels, evidence) is a part the
user opens with a button or a command; dates and the disclaimer are shown once, at the foot of a
part or once per conversation.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass

from bot.core.articles import Article, find_article
from bot.core.dialogue import DialogueState
from bot.core.retrieve import Hit
from bot.core.risk import Hotline, Risk
from bot.core.safety import Scam
from bot.knowledge.legal_texts import GAP, ITEM_LINE
from bot.knowledge.loader import Channel, Knowledge, Passage
from bot.tools.rates import Lpr, RateResult

FIRST_STEPS = 3
BRIEF_STEPS = 2
SITUATION_GAP = 0.15  # a situational passage moves up past others only when it scores within this of the best
MORE_STEPS = 6
SAME_ACTION = 10  # characters: two steps ending in this many of the same words say the same thing
SAME_ACTION_WORDS = 6  # the same, in English words
MAX_RIGHTS = 3
QUOTE_LINES = 3
QUOTE_CHARS = 160
PARTS = ("law", "more", "channels", "evidence")
PART_LABELS = {"law": ("法律依据", "The law"), "more": ("更多做法", "More steps"),
               "channels": ("求助渠道", "Where to get help"), "evidence": ("取证清单", "Evidence checklist")}


@dataclass(frozen=True)
class Button:
    label: str
    send: str


@dataclass(frozen=True)
class Right:
    title: str
    quote: str
    citation: str
    caveat: str = ""
    gist: str = ""  # a one-line English gist, for English replies
    excerpt: bool = False  # quoted from a third party's excerpt: the footer must not call it the official text


@dataclass(frozen=True)
class Reply:
    """What the assistant says, before it is rendered for a channel."""

    mode: str  # answer | check_in | crisis | small_talk | clarify | out_of_scope | part
    language: str = "zh"
    script: str = "simplified"
    reading: str = ""
    lender_lines: tuple[str, ...] = ()  # the licensed and private readings, when the lender is unknown
    steps: tuple[str, ...] = ()
    channels: tuple[Channel, ...] = ()
    rights: tuple[Right, ...] = ()
    part: str = ""  # law | more | channels | evidence | no_article, for mode "part"
    missing_article: str = ""  # an article asked for that the knowledge does not hold: 《刑法》第二百五十三条之一
    known_law: bool = False  # that article's law is one the passages speak of (a real rule, its text not held)
    risk: Risk = Risk()
    region: str = ""
    lender: str = "unknown"  # licensed | private | unknown, as the conversation has established
    hotlines: tuple[Hotline, ...] = ()
    listen: tuple[Hotline, ...] = ()  # outside the mainland, the region's line named where a reply names 12356
    scams: tuple[Scam, ...] = ()
    rate: RateResult | None = None
    lpr: Lpr | None = None
    loan_ask: str = ""  # the loan figure asked for next
    assumed_received: bool = False  # one amount only: received taken as the contract
    fee_rate: float = 0.0  # a card instalment's fee told as a percent a period ("每期手续费0.6%"), as its real rate is set beside
    notional: bool = False  # that fee told without an amount: the rate shown on 10,000 (it is the same for any amount)
    paid: float = 0.0  # repaid so far, as told ("已经还了6000多"): more than arrived means the principal is repaid
    arrived: float = 0.0  # what arrived, set against `paid` where the loan's terms are not all known (the balance)
    no_interest: bool = False  # no interest was agreed (民法典 680): what was repaid counts against the principal alone
    stated_rate: float = 0.0  # an annual rate the person told, in percent ("年化24%"), set against the lines
    rate_again: bool = False  # the rate asked for again ("那年化多少"): one line, not the whole block twice
    small_talk: str = ""
    recap_topic: str = ""  # "刚才说到哪了": the label of the topic the conversation was on
    note: str = ""  # left_flow, ...
    recap: bool = False  # the steps were all said before in this conversation: the first of them again, in order
    number: bool = False  # they asked which number to call ("我该打哪个电话"): the help line first, as the answer
    buttons: tuple[Button, ...] = ()  # expansions or clarify choices
    examples: tuple[str, ...] = ()
    disclaimer: bool = False
    checked: str = ""  # shown once, at the foot of a laws or channels part
    hits: tuple[Hit, ...] = ()
    truncated: bool = False
    calm: bool = False  # the person speaks of hurting the collector: a line to step back first
    condolence: bool = False  # someone close has died: a word of sympathy before the answer
    danger: bool = False  # danger here and now (at the door, a knife): call 110 first
    cant_hear: bool = False  # deaf or unable to call: in a crisis, reaching help by text comes first
    text_only: bool = False  # deaf or unable to call, said in this conversation: no phone line offered as the way to talk
    low_battery: bool = False  # in a crisis, the phone is about to die: call 110 or someone now, say where they are
    insurance: str = ""  # in a crisis, a payout counted on: "accident" (accident cover excludes suicide) or "other"
    driving: bool = False  # a helper at the wheel: stop somewhere safe before typing or calling
    side_effect: bool = False  # unwell on prescribed medicine: to the doctor who prescribed it today, 120 if severe
    pregnancy: bool = False  # pregnant and bleeding or in pain: the hospital first, the collectors later
    police_worry: bool = False  # in danger and afraid calling 110 makes it worse: it is about the door, not the debt
    danger_where: str = ""  # car: stay in it, doors locked; street: not home, where there are people; "": a door
    silent: bool = False  # they cannot speak to call: how to report by text message first
    first_step: str = ""  # in an imminent crisis, what to do first for the means named (crisis.yaml, first_step)
    far: bool = False  # helping from abroad someone at home: people near them go to them and call there
    drunk: bool = False  # the one found has been drinking: how to watch over ta tonight (walk 76)
    away: bool = False  # helping from somewhere else ("我在高铁上"): those at the door open it, not the helper
    brief: bool = False  # fewer words: no headings, two steps
    sorry: bool = False  # they said the bot is not listening: an apology first
    hungry: bool = False  # in a crisis, hungry or without money for food: to eat something first, and where relief is
    occasion: str = ""  # birthday | new_year: a wish before the reply, once per conversation (not in a crisis reply)
    hurt: bool = False  # they agree with something cruel said to them ("我爸说得对，我就是个废物"): it is not true
    # what the person said in this crisis (where, alone, with_someone, no_one): those questions are not asked again
    known: tuple[str, ...] = ()
    dear: str = ""  # who they would leave behind, as they named them (女儿, 妈妈, 猫)


def localized(item: object, name: str, language: str) -> str:
    """The English field (`name_en`) for English replies when the knowledge has it."""
    value = getattr(item, f"{name}_en", "") if language == "en" else ""
    return value or getattr(item, name)


def localized_list(item: object, name: str, language: str) -> tuple[str, ...]:
    value = getattr(item, f"{name}_en", ()) if language == "en" else ()
    return tuple(value or getattr(item, name))


def short_quote(quote: str) -> str:
    """The first lines of a quote, cut at a line end and marked with GAP ("……") when shortened."""
    lines = quote.splitlines()
    kept: list[str] = []
    for line in lines[:QUOTE_LINES]:
        if kept and sum(map(len, kept)) + len(line) > QUOTE_CHARS:
            break
        kept.append(line)
    shortened = len(kept) < len(lines)
    while shortened and kept and kept[-1] == GAP:  # a gap line of the quote's own, then the cut: one mark
        kept.pop()
    return "\n".join(kept) + (GAP if shortened else "")


def main_topic(hits: list[Hit], context: list[str], context_weight: float) -> str:
    """The topic the top passages and the conversation agree on (rank-weighted votes)."""
    votes: Counter[str] = Counter()
    for rank, hit in enumerate(hits[:5]):
        for place, topic in enumerate(hit.passage.topics):
            votes[topic] += 1 / (rank + 1) / (1 + 0.5 * place)
    for place, topic in enumerate(context):
        votes[topic] += context_weight / (place + 1)
    return max(votes, key=lambda t: votes[t])


NEWS_SCORE = 0.7  # a passage this close to a message that leans on the conversation is a new matter, not "what now"


def _key(step: str) -> str:
    """A short key for a step already shown in this conversation (the state keeps keys, not text)."""
    return hashlib.sha1(step.encode()).hexdigest()[:8]


def law_name(law: str) -> str:
    """A cited law's short name as people write it: "中华人民共和国治安管理处罚法（2025年修订…）" → "治安管理处罚法"."""
    return re.split(r"[（(]", law.removeprefix("中华人民共和国"))[0] or law


class Composer:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.by_id = {p.id: p for p in knowledge.passages}

    def answer(self, hits: list[Hit], state: DialogueState, language: str, context_weight: float,
               prefer: tuple[str, ...] = (), text: str = "", yes_no: bool = False, brief: bool = False,
               leans: bool = False, number: bool = False) -> Reply:
        """The short first answer; records in `state` what was shown and what can be opened next; `brief`: fewer
        words (the steps not shown stay for "更多做法").
        `prefer` are topics the message itself settles (a loan being described: interest_fees); `text` is
        the message, which situational passages (only_if) must match; `yes_no`: the message asks a yes-or-no
        question ("那他们能这样吗"), which the topic's reading answers even when it was read before; `leans`: the
        message asks only what the conversation gives it meaning ("那我该怎么办"), so the topic's steps may come again;
        `number`: it asks which number to call, so the topic's first help line is given even if given before."""
        # a situational passage whose situation the message names ("我是担保人") moves up two places, also in the
        # vote: the guarantor's question is about the guarantee, though collectors calling came first
        # (not past a passage it trails by far: "立案起诉了 三天内不还就来厂里抓人" is about the threat, not the factory)
        best = max((h.score for h in hits), default=0.0)
        hits = [h for _, h in sorted(enumerate(hits), key=lambda item: item[0] - 2.5 * (
            bool(item[1].passage.only_if) and item[1].passage.fits(text) and item[1].score >= best - SITUATION_GAP))]
        # the topic is voted on by every top passage: one written for another situation (a call to the employer)
        # still says what the message is about, though only passages that fit give the steps
        topic_id = main_topic(hits, [*prefer, *state.topics], max(context_weight, 2.0 if prefer else 0.0))
        # unless the closest passage of all is a situation the message names and has its own reading ("是我孙子用我
        # 身份证借的" after a threat of prison): its topic, however many passages on the last one follow; with topics
        # the message settles, only a situation on one of them ("我老公喝醉了在打我" is danger, and not at the door)
        closest = max(hits, key=lambda h: h.score, default=None)
        if (closest is not None and closest.passage.only_if and closest.passage.reading
                and not (prefer and set(prefer).isdisjoint(closest.passage.topics)) and closest.passage.fits(text)):
            topic_id = closest.passage.topics[0]
        hits = [h for h in hits if h.passage.applies_to(state.lender) and h.passage.fits(text)] or hits
        topic = self.knowledge.topics[topic_id]
        on_topic = [h for h in hits if topic_id in h.passage.topics] + [h for h in hits if topic_id not in h.passage.topics]
        # the message names a situation that has its own reading ("车被拖走", "要开除我"), and its passage is among
        # the first three: its reading, and its steps first
        situation = next((h.passage for h in on_topic[:3] if h.passage.reading and topic_id in h.passage.topics
                          and h.passage.only_if and h.passage.fits(text)), None)
        # a message that asks only what the conversation gives it meaning ("那我该怎么办" after "他们真的会来吗") goes
        # on with the situation the last answer read (a visit tonight), not with another passage of its topic (posts
        # in groups: "截图发布者、转发范围"); console check of 2026-12-04
        carried = self.by_id.get(state.situation) if leans and not yes_no and situation is None else None
        if carried is not None and topic_id in carried.topics and carried.applies_to(state.lender):
            situation = carried
        passages = [h.passage for h in on_topic]
        if situation is not None:
            passages = [situation, *(p for p in passages if p is not situation)]
        steps = self._steps(passages, language)
        fresh = [s for s in steps if f"step:{_key(s)}" not in state.shown]
        # asked what to do when every step of the topic's own passages was already said ("那我该怎么办" after two
        # answers on calls to parents): those steps again, in order, rather than a passage's on something else (a
        # home visit: "不给陌生人开门"); a new question still gets the steps of whatever answers it
        topic_steps = self._steps([h.passage for h in on_topic if topic_id in h.passage.topics], language)
        own = topic_steps if leans else ()
        if leans and yes_no:
            # "他们真的能这样吗" is answered by the reading: the same steps again, or another topic's, are not asked for
            fresh, own = [s for s in fresh if s in own], ()
        # (not when the closest passage of all has steps not yet said: "派出所说这是民事纠纷，不立案，怎么办" after the steps
        # for identity theft is a new matter, the police's refusal, walk 79)
        # (a bare "那我现在该怎么办" resembles no passage closely: NEWS_SCORE tells a matter of its own)
        nearest = max(hits, key=lambda h: h.score, default=None)
        nearest_steps = self._steps([nearest.passage], language) if nearest is not None else ()
        news = nearest is not None and nearest.score >= NEWS_SCORE and any(
            f"step:{_key(s)}" not in state.shown for s in nearest_steps)
        recap = bool(own) and all(f"step:{_key(s)}" in state.shown for s in own) and not news
        # the same for the situation the conversation is about, once its own steps were all said ("那我现在该怎么做"
        # after the steps for a card called malicious overdraft: those, not a passage's on arbitration; walk 55)
        told = self._steps([situation], language) if leans and situation is not None and not recap else ()
        if told and all(f"step:{_key(s)}" in state.shown for s in told) and not news:
            recap, own = True, told
        # the closest passage is on the topic and its steps were all said, and no step on the topic is left ("他们真
        # 上门了，在敲门" after the steps for a visit, walk 83 p10): its steps again, in order, rather than only steps of
        # passages on other topics (fake court papers)
        if (not recap and not news and not yes_no and nearest is not None and topic_id in nearest.passage.topics
                and not any(s in topic_steps for s in fresh)):
            recap, own = True, nearest_steps
        if recap:
            fresh = list(own)
        # the situation asked about again, its steps all said ("不是我借的，是我老公冒用我身份证办的，为什么还要我协商还款？"
        # after its answer and a detour, walk 79): its reading again (below), with only steps of passages on its own topic,
        # not other passages' steps alone (110 for a robbery)
        again = situation is not None and not recap and nearest is not None and nearest.passage is situation and all(
            f"step:{_key(s)}" in state.shown for s in self._steps([situation], language))
        if again:
            kin = self._steps([p for p in passages if p.topics[:1] == situation.topics[:1]], language)
            fresh = [s for s in fresh if s in kin]
        first = BRIEF_STEPS if brief else FIRST_STEPS
        for step in fresh[:first]:
            state.show_once(f"step:{_key(step)}")
        same_topic = bool(state.topics) and state.topics[0] == topic_id
        lender_lines: tuple[str, ...] = ()
        reading = localized(topic, "reading", language)
        if situation is not None:
            reading = situation.reading_en if language == "en" else situation.reading
        elif topic.lender_readings and state.lender in topic.lender_readings and language != "en":
            reading = topic.reading_for(state.lender)
        elif topic.lender_readings and not same_topic and language != "en":
            lender_lines = tuple(topic.lender_readings[k] for k in ("licensed", "private"))
        # a help line not given before; the one that fits best when they ask which number to call (`number`)
        # (not a regulator's line for a loan from a person: 12378 takes no such complaint, walk 58; nor the local
        # regulator for a credit card, walk 59)
        channel = next((self.knowledge.channels[k] for k in topic.channels
                        if (number or f"channel:{k}" not in state.shown)
                        and self.knowledge.channels[k].takes(state.lender, text)), None)
        if channel is not None:
            state.show_once(f"channel:{channel.key}")
        # a reading given earlier in the conversation is not given again with new steps ("打给我同事怎么办" after the
        # same topic two turns back), unless the message asks a yes-or-no question that it answers
        read_before = f"reading:{_key(reading)}" in state.shown
        # (nor the topic's reading right after a situation of the topic was read: "他们还说要带好几个人一起去" after the
        # reading for the family at the door is more of the same)
        last = self.by_id.get(state.situation) if situation is None else None
        read_before = read_before or (last is not None and bool(last.reading) and topic_id in last.topics)
        if (read_before and fresh) and not (yes_no or again):
            reading = ""
        if reading:
            state.show_once(f"reading:{_key(reading)}")
        state.add_topics([topic_id])
        state.last_hits = [p.id for p in passages[:8]]
        state.situation = situation.id if situation is not None else ""
        return Reply(mode="answer", language=language, reading=reading, brief=brief, recap=recap,
                     number=number and channel is not None, lender_lines=lender_lines, steps=tuple(fresh[:first]),
                     channels=(channel,) if channel else (),
                     buttons=self.expansions(state, language, len(fresh) > first),
                     # not under ways to cope with stress, which are not legal information: under the next answer
                     disclaimer=topic_id != "mental_health" and state.show_once("disclaimer"), hits=tuple(hits))

    def expansions(self, state: DialogueState, language: str, more: bool) -> tuple[Button, ...]:
        # the law part falls back on the topic's general laws when the answer drew on guidance alone
        has_law = any(self.by_id[pid].citation for pid in state.last_hits if pid in self.by_id) or bool(
            state.topics and self._general_laws(state.topics[0], state.lender))
        wanted = [("law", has_law), ("more", more), ("channels", True), ("evidence", "evidence" not in state.topics[:1])]
        index = 1 if language == "en" else 0
        return tuple(Button(PART_LABELS[p][index], f"/{p}") for p, ok in wanted if ok)

    def shorter(self, state: DialogueState, language: str) -> Reply:
        """The last answer again in fewer words ("字太多", "看不懂"): its reading, whole (its conditions matter),
        and its first two steps."""
        topic_id = state.topics[0] if state.topics else "collection_methods"
        topic = self.knowledge.topics[topic_id]
        passages = [self.by_id[pid] for pid in state.last_hits if pid in self.by_id]
        reading = topic.reading_for(state.lender) if language != "en" else localized(topic, "reading", language)
        lender_lines = tuple(topic.lender_readings[k] for k in ("licensed", "private")) if (
            topic.lender_readings and state.lender not in topic.lender_readings and language != "en") else ()
        # a situation with its own reading ("车被拖走") was put first in the last answer
        if passages and passages[0].reading and passages[0].only_if and topic_id in passages[0].topics:
            reading, lender_lines = passages[0].reading_en if language == "en" else passages[0].reading, ()
        steps = self._steps([p for p in passages if topic_id in p.topics] or passages, language)
        return Reply(mode="answer", language=language, reading=reading, lender_lines=lender_lines,
                     steps=steps[:BRIEF_STEPS], brief=True,
                     buttons=self.expansions(state, language, len(steps) > BRIEF_STEPS))

    def part(self, name: str, state: DialogueState, language: str, said: str = "") -> Reply:
        """One part of the last answer, opened on request; `said`: what the person said of themselves earlier
        (a credit card), which some help lines do not take."""
        topic_id = state.topics[0] if state.topics else "collection_methods"
        passages = [self.by_id[pid] for pid in state.last_hits if pid in self.by_id]
        same_topic = [p for p in passages if topic_id in p.topics]
        if name == "law":
            laws = [p for p in same_topic if p.citation and p.applies_to(state.lender)]
            if len(laws) < 2:  # the answer drew mostly on guidance: the topic's general laws as well
                laws += [p for p in self._general_laws(topic_id, state.lender) if p not in laws][:MAX_RIGHTS - len(laws)]
            # a law named ("治安管理处罚法是第几条？", walk 81 got the civil code's articles on interest): its articles
            # first, those of the answer before the rest, a version in force before a repealed one
            named = sorted((p for p in self.knowledge.passages if p.citation and p.applies_to(state.lender)
                            and law_name(p.citation.law) in said),
                           key=lambda p: ("已失效" in p.citation.law, p.id not in state.last_hits,
                                          topic_id not in p.topics))
            if named:
                laws = [*named, *(p for p in laws if p not in named)]
            rights = tuple(right(p, language, short_quote(p.quote or "")) for p in laws[:MAX_RIGHTS])
            return Reply(mode="part", part="law", language=language, rights=rights,
                         checked=self.knowledge.checked, buttons=self._other_parts("law", language))
        if name == "more":
            pool = same_topic + [p for p in self._topic_passages(topic_id, state.lender) if p not in same_topic]
            steps = self._steps(pool, language)
            # the steps not yet shown (a brief answer showed two)
            return Reply(mode="part", part="more", language=language,
                         steps=tuple(s for s in steps if f"step:{_key(s)}" not in state.shown)[:MORE_STEPS]
                         or steps[:MORE_STEPS],
                         buttons=self._other_parts("more", language))
        if name == "channels":
            keys = list(self.knowledge.topics[topic_id].channels)
            for topic in state.topics[1:]:
                keys += [k for k in self.knowledge.topics[topic].channels if k not in keys]
            channels = tuple(self.knowledge.channels[k] for k in keys
                             if self.knowledge.channels[k].takes(state.lender, said))[:4]
            return Reply(mode="part", part="channels", language=language, channels=channels,
                         checked=max(c.checked for c in channels), buttons=self._other_parts("channels", language))
        evidence = self._topic_passages("evidence", state.lender)
        return Reply(mode="part", part="evidence", language=language,
                     steps=self._steps(evidence, language)[:MORE_STEPS], buttons=self._other_parts("evidence", language))

    def article(self, asked: Article, language: str) -> Reply:
        """An article asked for by name and number: its whole text when the knowledge quotes it (a current version
        before a repealed one, whose caveat says so), else that it is not held, never another article instead."""
        held = sorted((p for p in self.knowledge.passages if p.citation), key=lambda p: "已失效" in p.citation.law)
        passage = find_article(held, asked)
        if passage is None:
            # a rule the passages describe ("商业银行信用卡业务监督管理办法", walk 51) is not said perhaps not to exist
            known = any(asked.law in f"{p.source} {p.text}" for p in self.knowledge.passages)
            return Reply(mode="part", part="no_article", language=language, missing_article=asked.label,
                         known_law=known)
        return Reply(mode="part", part="law", language=language, rights=(right(passage, language, passage.quote or ""),),
                     checked=self.knowledge.checked)

    def _other_parts(self, shown: str, language: str) -> tuple[Button, ...]:
        index = 1 if language == "en" else 0
        return tuple(Button(PART_LABELS[p][index], f"/{p}") for p in PARTS if p != shown)

    def _general_laws(self, topic_id: str, lender: str) -> list[Passage]:
        """The topic's laws that hold whatever the situation (no only_if, no unless)."""
        return [p for p in self._topic_passages(topic_id, lender) if p.citation and not (p.only_if or p.unless)]

    def _topic_passages(self, topic_id: str, lender: str) -> list[Passage]:
        passages = [p for p in self.knowledge.passages if topic_id in p.topics and p.applies_to(lender)]
        return sorted(passages, key=lambda p: (p.topics.index(topic_id), p.kind != "law"))

    @staticmethod
    def _steps(passages: list[Passage], language: str) -> tuple[str, ...]:
        """Each passage's steps in turn, each action once: two passages that end a step in the same words
        ("…申请执行和解、分期履行") or open it with the same clause ("保存信息被泄露的证据，…" and "保存信息被泄露的证据：…",
        walk 49) would put the same bullet twice in one reply."""
        steps: dict[str, tuple[tuple[str, ...], int]] = {}  # step -> how it ends
        heads: set[str] = set()
        for passage in passages:
            for step in localized_list(passage, "steps", language):
                end, head = action_end(step), STEP_HEAD.split(step, 1)[0]
                if step not in steps and not any(same_action(end, other) for other in steps.values()) and not (
                        len(head) >= HEAD_CHARS and head in heads):
                    steps[step] = end
                    heads.add(head)
        return tuple(steps)


STEP_HEAD = re.compile(r"[，：；,:;]")  # a step's opening clause ends at its first comma or colon
HEAD_CHARS = 6  # an opening clause this long, said twice, is the same action
ITEM_NUMBERS = {name: number for number, name in enumerate(
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", *(f"十{d}" for d in "一二三四五六七八九"), "二十"], 1)}


def mark_gaps(quote: str) -> str:
    """The quote with a "……" line where items of the article were left out ("（一）（二）（六）", or "（四）" alone):
    a reader copying it into a complaint sees that it is not the whole article."""
    lines, shown, last = quote.splitlines(), [], 0
    for line in lines:
        item = ITEM_LINE.match(line)
        number = ITEM_NUMBERS.get(item.group(1), 0) if item else 0
        if number and number != last + 1 and not (shown and shown[-1] == GAP):
            shown.append(GAP)
        last = number or last
        shown.append(line)
    return "\n".join(shown)


def right(passage: Passage, language: str, quote: str) -> Right:
    """A law passage as shown under 法律依据, with the quote given (shortened in an answer's part, whole when the
    article itself was asked for)."""
    return Right(localized(passage, "title", language), mark_gaps(quote), passage.citation.label(),
                 localized(passage, "caveat", language) if passage.caveat else "",
                 passage.gist_en if language == "en" else "", passage.excerpt)


def action_end(step: str) -> tuple[tuple[str, ...], int]:
    """A step's last clause read backwards (characters for Chinese, words for English), and how many of them two
    steps must share to say the same thing (SAME_ACTION characters, SAME_ACTION_WORDS words)."""
    end = re.split(r"[，,：:；;]", step.rstrip("。.").strip())[-1]
    if re.search(r"[\u4e00-\u9fff]", step):
        return tuple(end[::-1]), SAME_ACTION
    return tuple(end.lower().split()[::-1]), SAME_ACTION_WORDS


def same_action(a: tuple[tuple[str, ...], int], b: tuple[tuple[str, ...], int]) -> bool:
    """Two steps that end in the same words (each as action_end reads it)."""
    return len(os.path.commonprefix([a[0], b[0]])) >= a[1]
