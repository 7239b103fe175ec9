"""The one core every channel shares: message -> triage -> (tool?) -> retrieve with context -> compose.

Channels (console, Telegram, web) turn platform updates into (session, text) and render what this
returns: a Reply, or a Turn from a tool.
"""

from __future__ import annotations

import logging
import re
import time
import traceback
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from bot.core.acts import ActRules
from bot.core.compose import PARTS, Button, Composer, Reply, main_topic
from bot.core.dialogue import DialogueState, Session
from bot.core.embedders import Embedder, make_embedder
from bot.core.loan_words import missing, stated_rate, to_loan
from bot.core.pinyin import PinyinReader
from bot.core.render import Renderer
from bot.core.retrieve import DenseRetriever, Hit, HybridRetriever, LexicalRetriever
from bot.core.risk import ABROAD, CORRECTS, REGIONS, Risk, RiskRules, ordinary_questions
from bot.core.safety import SafetyRules
from bot.core.triage import ASKS_IN_WORDS, DialogueRules, Triage, Triager
from bot.config import Settings
from bot.knowledge.index import PINYIN_FILE, StaleIndexError, load
from bot.knowledge.loader import load_knowledge
from bot.tools.dispatch import Tools, Turn
from bot.tools.flows import AnswerError
from bot.tools.rates import RateInputError, annual_rate, load_lpr

log = logging.getLogger(__name__)
COMPOSE_DEPTH = 8
LONG_STORY = 40  # characters
LONG_STORY_WORDS = 25  # in English: "honestly im so done with everything, i cant do this anymore" is a line, not a story
FOLLOW_UP_MARGIN = 0.1  # in a conversation, a message this far below the in-scope score still reads as a follow-up
SAFETY_TOPICS = ("home_visit", "threats_insults")
CLARIFY = ("asked:clarify", "asked:clarify again")  # the clarifying question, then once more in other words
# after pills taken, the hospital is said each time in other words: these notes are never swapped for "again"
TAKEN_NOTES = ("symptom", "symptom_again", "taken", "taken_alone")
STAYS_FIRST = "children"  # a child to be taken along stays the first step, whatever means is named next (walk 63)
PART_WORDS = {"法律依据": "law", "相关法律": "law", "法条": "law", "更多做法": "more", "还能做什么": "more",
              "求助渠道": "channels", "怎么投诉": "channels", "取证清单": "evidence", "怎么取证": "evidence",
              "the law": "law", "more steps": "more", "where to get help": "channels", "evidence checklist": "evidence"}
QUESTION = re.compile(r"[?？]|吗$|呢$|怎么办|怎么|为什么|是不是|能不能|可以吗|合法吗")
QUESTION_END = re.compile(r"[?？]$|(吗|呢|么|嘛)$")
OWN_FEAR = re.compile(r"我[^,.!?]{0,4}(怕|害怕|担心|慌|睡不着)")  # a helper's own fear, not the tears of the one helped
DEBT_WORDS = re.compile(r"欠|债|贷|信用卡|还款|还钱|怎么还|还不上|还不起|催收|利息|花呗|借呗|白条|(?<![a-z])(debt|owe|loan)")
DANGER_OVER_CHARS = 14  # "他们走了", "打了110 说马上到": relief is said in few words
ENGLISH_LINE = "english"  # crisis.yaml hotlines: the English-speaking line
YOUTH_LINE = "youth"  # crisis.yaml hotlines: 12355, the Youth League's line, for those under 18 (after the first line)
WHAT_NOW = re.compile(r"(那|那么|所以|现在)?(我|我们)?(现在)?(该|应该|要|到底)?(怎么办|咋办|怎么做|咋整|咋弄|怎么弄)(呢|啊|呀|啊啊)?[?？!！。.]*")
PUNCTUATION_ONLY = re.compile(r"[\s.。…,，!！?？~～、]+")  # "。。。", "？": something unsaid
# after the short second reply, what a crisis line goes on to ask, each once and in this order: how, and whether the
# means are at hand (not when a means was named); someone to be with them; only the next hours. Then the quiet reply
FOLLOW_ON = ("plan", "people", "hours")
PERCENT = re.compile(r"\d\s*[%％]")  # "那24%到底合不合法": the rate told before, asked about again
LAW_ONLY_CHARS = 12  # a question for the law longer than this, with words of its own about debt, names its own matter
QUIET = ("third", "quiet", "check")  # then these in turn: still here; say anything; one word is enough to know you're ok


def follow_on(state: DialogueState, risk: Risk) -> str:
    """The next of FOLLOW_ON not yet shown in this conversation, else the next of QUIET (the same words twice in a row
    read as a machine); after pills taken, always the hospital ("third" insists on it)."""
    if risk.means == "taken":
        return "third"
    # (after "别再问了" the question about a method is not asked: walk 49)
    # (nor once a means was told: "还没吃。明天早上再说吧" after "安眠药买好了", walk 79, is not asked whether they have one)
    steps = FOLLOW_ON[1:] if risk.imminent or risk.reason == "no plan" or "declined:ask" in state.shown or (
        state.means not in ("", "default", "farewell")) else FOLLOW_ON
    return next((step for step in steps if state.show_once(f"crisis:{step}")), again(state.crisis_note, helper=False))


# a helper's later replies, in pairs that take turns: how to get someone to ta (third) and telling those near ta
# (tell); while waiting for news (wait) and staying with them while they wait (waiting)
HELPER_AGAIN = {"third": "tell", "tell": "third", "wait": "waiting", "waiting": "wait", "talk": "again", "with_ta": "talk",
                "holding": "with_ta"}
HELPER_NEXT = ("again", "third", "tell")  # after the helper's first reply, each once in this order
BESIDE_NEXT = ("with_ta", "talk")  # the same, once they said they are beside ta ("我现在跟他在一个屋", walk 72)


def again(note: str, helper: bool) -> str:
    """Another reply than the one just given: for a helper its pair in HELPER_AGAIN, else the next of QUIET."""
    if helper:
        return HELPER_AGAIN.get(note, "tell")
    return QUIET[(QUIET.index(note) + 1) % len(QUIET)] if note in QUIET else QUIET[0]


LOCAL_POLICE, LOCAL_HOTLINE = "police_110", "psy_12356"  # channels.yaml keys that only work on the mainland


class Assistant:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        started = time.perf_counter()
        self.settings = settings
        self.knowledge = load_knowledge(settings.knowledge_dir)
        self.safety = SafetyRules.load(settings.knowledge_dir / "safety.yaml")
        self.risk = RiskRules(settings.knowledge_dir / "crisis.yaml")
        self.embedder = embedder or make_embedder(settings.model)
        self.index = load(settings.knowledge_dir, settings.index_dir, self.embedder.name, settings.build_command())
        questions = ordinary_questions(self.index.passages)
        self.acts = ActRules(settings.knowledge_dir)
        if not (self.risk.load_classifier(settings.index_dir, self.embedder.name, questions + self.acts.everyday())
                and self.acts.load_classifier(settings.index_dir, self.embedder.name, questions)):
            raise StaleIndexError(f"The classifiers in {settings.index_dir} (crisis; small talk and vague openings) "
                                  "are missing or out of date (knowledge/crisis.yaml, crisis_training.yaml or "
                                  f"dialogue_training.yaml changed). Rebuild them with: {settings.build_command()}")
        self.dense = DenseRetriever(self.index)
        self.retriever = HybridRetriever(self.dense, LexicalRetriever(self.index.passages))
        # the laws the knowledge quotes, by the names people use ("民法典", "刑法"): an article asked for is looked up
        laws = tuple({re.sub(r"（.*）$", "", p.citation.law.removeprefix("中华人民共和国"))
                      for p in self.knowledge.passages if p.citation})
        self.triage = Triager(self.embedder, self.safety, self.risk,
                              DialogueRules.load(settings.knowledge_dir / "dialogue.yaml"), self.acts,
                              PinyinReader.load(settings.index_dir / PINYIN_FILE), laws)
        self.triage("预热")  # load model weights now, not on the first user's message
        self.renderer = Renderer(settings.templates_dir)
        self.composer = Composer(self.knowledge)
        self.min_score = self.safety.threshold(self.embedder.name)
        self.lpr = load_lpr(settings.knowledge_dir / "data" / "lpr.yaml")
        self.tools = Tools.load(settings.knowledge_dir, self.renderer, self.lpr, self.knowledge.checked)
        log.info("assistant ready: %d passages, embedder %s, %.2fs", len(self.index.passages),
                 self.embedder.name, time.perf_counter() - started)

    def reply(self, raw: str) -> Reply:
        """A single message with no conversation around it (evaluation of single questions, group chats)."""
        session = Session(user="single")
        triage = self.triage(raw, session.dialogue)
        self.follow_language(triage, session.dialogue)
        return self.answer(triage, session)

    def respond(self, session: Session, raw: str) -> Turn | Reply:
        """A message in a conversation, always answered: a fault in here (walk 71: a crash on the fourth turn of a
        crisis conversation) is logged by kind and place, not text, and the person gets an apology with the
        emergency and listening lines, never silence."""
        try:
            return self.converse(session, raw)
        except Exception as exc:  # noqa: BLE001 - whatever broke, a reply is owed
            where = traceback.extract_tb(exc.__traceback__)[-1]
            log.error("no reply could be made (%s at %s:%d)", type(exc).__name__, where.filename, where.lineno)
            state = session.dialogue
            return Reply(mode="small_talk", small_talk="failed", language=state.language, script=state.script,
                         region=state.region, hotlines=self.hotlines(state.region, state.script, state.language))

    def converse(self, session: Session, raw: str) -> Turn | Reply:
        """Crisis support comes first and drops any running tool; a running tool gets the message unless it is
        clearly not an answer to the tool's question."""
        triage = self.triage(raw, session.dialogue)
        self.follow_language(triage, session.dialogue)
        if triage.risk.tier == "crisis":
            session.flow = None
            return self.answer(triage, session)
        part = self.part_asked(triage)
        # ("那催收骚扰的话，治安管理处罚法是第几条？", walk 81, got the law under the last answer, on interest: the matter it
        # names is answered, and the law under that)
        told = part == "law" and triage.domain and not triage.leans and len(triage.text) > LAW_ONLY_CHARS
        if part and session.dialogue.last_hits and not told:
            opened = self.composer.part(part, session.dialogue, session.dialogue.language,
                                        self.said(triage.text, session.dialogue))
            # "更多做法" and "求助渠道" in Macau or Kuala Lumpur: the local emergency number there too, as in the answer
            local = self.localised(opened, session.dialogue.region)
            return replace(opened, steps=local.get("steps", opened.steps), channels=local.get("channels", opened.channels))
        # "哪条法律规定的？原文是什么？" with nothing answered yet: which matter, asked, not a law guessed (walk 56)
        note = "law" if part == "law" else ""
        if session.flow is not None and not raw.strip().startswith("/") and self.leaves_flow(session, triage):
            session.flow, note = None, "left_flow"
        turn = self.tools.handle(session, raw)
        if turn is not None:
            return turn
        if triage.wants_letter and triage.risk.tier == "none":  # "帮我写一封投诉信": the letter tool, no command needed
            return self.tools.start(session, "letter")
        reply = self.answer(triage, session, note)
        if part == "law" and reply.mode == "answer" and session.dialogue.last_hits:
            # "这犯法吗？具体是哪条法律" with the matter in the same message (walk 79): the answer, then the law under it
            opened = self.composer.part("law", session.dialogue, session.dialogue.language, triage.text)
            reply = replace(reply, rights=opened.rights, checked=opened.checked)
        return reply

    def answer(self, triage: Triage, session: Session, note: str = "") -> Reply:
        state = session.dialogue
        state.turns += 1
        state.region = triage.region
        # what the person says of who they are is kept in a crisis reply too ("我弟…老说活着没意思": the family's
        # "我妈能做什么" next is about helping him, walk 55)
        state.facts = list(dict.fromkeys([*state.facts, *triage.facts]))
        risk = triage.risk
        # whether their own words ever raised risk, or only the classifier did: a denial of the second is a misreading
        if triage.by_words or triage.self_harm_answer == "yes":  # ("想过" to the question is their own word too)
            state.show_once("raised:words")
        elif risk.tier == "crisis" and risk.reason.startswith("semantic") and not risk.helper:
            state.show_once("raised:semantic")
        if triage.told_fine:  # ta answers them ("我刚才敲门他说没事"): the door is talked through, not broken (walk 80)
            state.show_once("helper:answered")
        if triage.misread:
            state.means = ""  # nothing of theirs is at hand: no step to put it away
        if triage.in_care and not state.helper and state.means == "taken":
            # in care after pills ("到医院了，医生在给我洗胃"): what was taken is the doctors' now, so a later "我出院了…欠的钱
            # 怎么办" is not sent to the emergency room again (walk 84 p12)
            state.means = ""
        if triage.drunk and (risk.helper or state.helper):
            # "我爸喝了很多酒…": remembered for when ta is found, asleep or not (walk 78): on the side, watched
            state.show_once("helper:drunk")
        # an opening with no words of its own about the debt that the classifier reads as at risk, at the odds at
        # which even a message about something else is asked about: asked, whatever passage it resembles ("还有出路吗"
        # is close to the passage on getting out of debt; without it, it would be refused and so asked); later in a
        # conversation what was said gives such words their sense ("就一套老房子 我爸还住着" after a mother's death)
        if (risk.tier == "none" and state.risk == "none" and not state.topics
                and risk.probability >= self.triage.semantic["alone"]
                and not (triage.domain or triage.figures or triage.scams or triage.threat or triage.better
                         or triage.small_talk or triage.self_harm_answer or state.helper)):
            risk = replace(risk, tier="check_in", reason="semantic: no words of the debt")
        # in a conversation about someone else at risk, what the bot adds (a hotline line, a glad word) is for the
        # one helping
        shown_risk = replace(risk, helper=True) if state.helper and risk.tier == "none" else risk
        base = dict(language=state.language, script=state.script, region=triage.region or "",
                    risk=shown_risk, note=note, truncated=triage.message.truncated)
        # "今天是我生日…没人记得", "你能祝我新年快乐吗" (walk 82 never said it): a wish first, once; not in a crisis reply
        # (again when they ask for it or wish it back: "你能跟我说一句生日快乐吗")
        if triage.occasion and risk.tier != "crisis" and (
                state.show_once(f"wished:{triage.occasion}") or triage.wish_asked):
            base["occasion"] = triage.occasion
        # right after "you are in danger", "还在拍 我好怕" is that danger still and "他们走了" its end (not sleep advice)
        after_danger = bool(state.danger_turn) and state.turns - state.danger_turn <= 2  # (one message between)
        # a relative who can't be reached: the writer is helped, not asked about themselves later
        unreachable = risk.tier == "check_in" and risk.helper
        if not unreachable:
            state.raise_risk(risk.tier)
        elif not state.show_once("helper:watch"):
            base["note"] = base["note"] or "watch"  # ta asked about again: how to be with ta, not the first lines
        # a fraud's warning once per conversation: the same paragraph every turn reads as a machine
        scams = tuple(scam for scam in triage.scams if state.show_once(f"scam:{scam.name}"))
        # (a promise not to act is an answer too: "我答应你先不做傻事。那他们要是真发出去了…", walk 86 p01)
        if triage.self_harm_answer or triage.better or triage.wont_act:
            state.show_once("answered:self_harm")
        # "别问了" once is heard as pulling back; said again ("说了别问"), an apology and no more questions
        asked_not_to_ask = triage.stop_asking and not state.show_once("declined:ask")
        if triage.retaliation:
            state.show_once("said:retaliation")  # "我已经在路上了" next is read as on the way to them
        # safe, in their words: the answers are whole again ("我现在没事。我问的是…", walk 84 p17: not asked again whether
        # they are safe, nor a rope named later as the past sent to 110)
        if triage.self_harm_answer == "no" or triage.better or (triage.says_fine and risk.tier == "none"):
            state.show_once("said:safe")
        if triage.safe_now or risk.reason == "no plan":  # "安全吧", "没准备什么": not asked again whether they are safe
            state.show_once("said:safe_now")
        if risk.reason == "joked":
            base["note"] = base["note"] or "joked"
            state.show_once("joked")  # its goodbye is a plain one, with the hotline line
        if risk.tier == "check_in" and not unreachable and not state.show_once("asked:self_harm") \
                and "answered:self_harm" not in state.shown:
            base["note"] = base["note"] or "asked_again"  # the same question in the same words reads as a machine
        elif risk.tier == "check_in" and not unreachable and not (triage.self_harm_answer or triage.better):
            # asked again after an earlier answer ("安全的", then "算了 反正都完了"): the next reply answers this question
            # ("有 刚才不是说了吗")
            if "answered:self_harm" in state.shown:
                state.shown.remove("answered:self_harm")
                if state.risk == "crisis" and not state.helper:
                    # they told of such thoughts earlier in this conversation ("想过。家里有安眠药", then "就是心里难受，
                    # 儿子也不接电话", walk 86 p30): whether they are back, not the first question as if never answered
                    base["note"] = base["note"] or "thought_back"
        for tag in triage.known:
            state.show_once(f"known:{tag}")
        # beside ta: not asked whether they are with ta (walk 72); said in any turn of a helper's conversation, also one
        # that is not a crisis reply ("警察找到他了…我现在跟他在一起", walk 86 p15)
        if (state.helper or (risk.tier == "crisis" and risk.helper)) and triage.holding:
            state.show_once("known:beside")
        if triage.cant_hear:  # remembered: every later crisis reply gives the ways to reach help by text first
            state.show_once("known:cant_hear")
        # and no later reply offers a phone line as the way to talk (walk 71: "热线我也打不了，我是聋人，你忘了吗")
        base["text_only"] = "known:cant_hear" in state.shown
        if risk.tier == "crisis":
            state.helper = risk.helper
            if not risk.helper and triage.domain and not state.topics and triage.vector.size:
                # what a crisis message says of the debt ("他们把我的照片P成裸照了…我真的不想活了"): its topic is kept (not
                # the words), so "那他们要是真发出去了，我能怎么办" after the crisis replies reads with it (walk 86 p01)
                state.add_topics([main_topic(self.retriever.search(triage.text, triage.vector, k=COMPOSE_DEPTH), [], 0.0)])
            if risk.reason == "no plan":  # "没具体想怎么弄": the question about a method is not asked later (walk 65)
                state.show_once("crisis:plan")
            # it came back after they had said they were better or had no such thoughts ("好一点了" … "我还是觉得不如死了
            # 算了"): heard as coming back, and their safety is unknown again
            # (not after "想过" to the question: that was no all-clear)
            back = not (risk.helper or triage.better or triage.self_harm_answer) and "said:safe" in state.shown
            if back:  # ("said:safe" can stand alone: "开玩笑的" after "我想死", walk 71)
                state.shown[:] = [tag for tag in state.shown if tag not in ("answered:self_harm", "said:safe")]
            named_now = False
            if state.means == STAYS_FIRST and risk.means in CORRECTS and not risk.helper:
                state.means, base["sorry"] = risk.means, True  # "孩子还在我肚子里" (walk 67): sorry, and the right step
            elif risk.imminent and not risk.helper and (risk.means not in ("", "default") or not state.means) and (
                    state.means != STAYS_FIRST):  # ("今晚 煤气都想好了" after the child: the child's step still)
                # a means named for the first time after the first reply ("在家，老婆孩子回娘家了。安眠药买好了", walk 79):
                # its step first, as an emergency, not the next question in turn
                named_now = state.crisis_turn > 0 and risk.means not in ("", "default", "farewell", "taken", state.means)
                state.means = risk.means  # (a later message naming no means keeps the one named: "药还在我床头")
            # a high place named, then "我在家呢 什么边上": not to step back from an edge, but not to go there tonight
            if state.means == "height" and triage.indoors and self.risk.means(self.risk.own_words(triage.text.lower())) != "height":
                state.means = "scouted"
            # after a crisis reply, or a second sign of the same kind: the short version the second time, then fewer
            # instructions and a question (the same words every turn read as a machine, and "不要跟我说打电话" is heard)
            # "我在边上坐着，没人。我爸说得对，我就是个废物" (walk 79): the cruel words answered in a line, whatever follows
            base["hungry"] = triage.hungry and state.show_once("crisis:hungry")  # ("我就是饿", walk 80)
            base["hurt"] = (triage.agrees and not risk.helper and risk.reason != "hurt"
                            and state.show_once("crisis:hurt"))
            if triage.stop_asking and risk.reason == "after crisis" and not risk.helper:
                base["note"] = "stop_asking"  # "别再问了 我说了没事" (walk 49): no more questions until they speak
            elif (triage.withdrew and not triage.small_talk and risk.reason == "after crisis" and not risk.helper
                  and state.show_once("crisis:withdrew")):  # (not a bare "ok", "嗯")
                base["note"] = "withdrew"  # "好啦 我唔去啦 你唔使理我": not pushed or asked again, the door left open
            elif risk.reason == "not me":  # taken for the writer: sorry, and the helper's first reply (walk 68)
                base["sorry"] = True
                state.means = ""
            elif risk.reason == "about me":  # taken for someone they help: sorry, and their own first reply
                base["sorry"] = True
                state.show_once("crisis:self")
            elif risk.reason == "reason to live":  # heard once; then the conversation goes on
                state.show_once("crisis:reason")
            elif risk.reason == "healed":  # cuts from before (walk 67): no wound step, no 110 pressed; what they ask
                state.means, base["note"] = "", "healed"  # next is answered (their parents, the debt)
            elif risk.reason == "self harm":  # heard once; the wound's step is not said again, the question asked
                state.show_once("crisis:self harm")
                state.show_once("asked:self_harm")
                state.means, base["note"] = "", "asked"
            elif risk.reason in ("jail", "calling", "safe plan", "method", "open door", "door answered", "far police",
                                 "no use", "dont tell", "cant read", "means unclear", "when", "shame", "letter",
                                 "afraid to die"):  # own words
                state.show_once(f"crisis:{risk.reason}")
                if risk.reason == "letter":  # ("我说的是我写给女儿的那封遗书" next is not asked what it means, walk 74)
                    state.show_once("crisis:plan told")
            elif risk.reason == "no plan" and state.means:
                state.means = ""  # nothing ready after all ("未買炭，只係諗過"): its step is not said again
                # a word of relief and the next question in turn, not the first reply again ("在庙里做义工 人很多 没准备
                # 什么 就是想想" was asked "你现在安全吗？身边有人陪着你吗？", walk 73)
                base["note"] = "again" if state.show_once("crisis:again") else follow_on(state, risk)
            elif risk.reason in ("way out", "hotline question", "hotline fear"):
                pass  # (their own reply; the next question of FOLLOW_ON is still to come)
            elif (risk.reason == "after crisis" and not risk.helper and not QUESTION.search(triage.text)
                  and (triage.figures or DEBT_WORDS.search(triage.text)) and state.show_once("crisis:debt")):
                base["note"] = "debt"  # "欠了十几万": the weight of it heard, once, before the next question
            elif risk.reason == "past attempt":  # asked plainly whether the thoughts are there now: a yes or no answers it
                state.means = ""  # (pills told of as taken, then "是上个月的事": not the hospital again)
                state.show_once("asked:self_harm")
                base["note"] = "asked"
            elif risk.reason == "recharged":
                base["note"] = "recharged"
            elif risk.reason in ("arrived", "arrived in") and state.show_once("crisis:arrived"):
                base["note"] = risk.reason.replace(" ", "_")  # arrived (at the door) or arrived_in (with them)
                state.show_once("known:with_someone")
            elif risk.reason == "among people" and state.show_once("crisis:public"):
                base["note"] = "public"  # at McDonald's among people: the step named, stay a while (walk 76)
            elif risk.reason == "going home" and state.show_once("crisis:home"):
                base["note"] = "home"  # after stepping back: the way home, and a word when they are there
            elif risk.reason in ("left", "indoors", "came down") and state.show_once("crisis:left"):
                base["note"] = "left"  # the means given away, down from the roof: named and praised, once
                state.means = ""  # (its step is not said again, nor asked whether they have any)
                state.show_once("crisis:plan")
            elif triage.small_talk == "bot" and not (risk.helper or triage.withdrew or risk.means == "taken"
                                                     or risk.reason == "no call"):
                base["note"] = "bot"  # "你是机器人吧" mid-crisis: an honest answer, and still with them
            elif risk.reason == "settled":  # asked plainly once whether they have decided
                state.show_once("crisis:settled")
            elif risk.reason == "help coming":  # pills taken, the ambulance called: what to do while it comes, once
                base["note"] = "" if state.show_once("crisis:help coming") else "help again"
            elif risk.reason == "keep":  # the means kept as a way out: distance from it, without an argument
                base["note"] = "keep"
            elif risk.reason == "put away":  # "那这药咋整": the step for it, and where it can go tonight
                base["note"] = "put_away"
            elif risk.reason == "helper means":  # charcoal, pills, a wound reported by a helper: what those there do
                base["note"] = "helper_means"
                if triage.found:  # "开了 他出来了 手腕上有血" (walk 72): the wound first, and the door is open
                    state.show_once("helper:found")
                if risk.means:
                    state.show_once(f"helper means:{risk.means}")  # said again when they ask whether to call
            elif risk.reason == "talk":  # they want company, not instructions: the listening reply
                state.show_once("crisis:again")
                base["note"] = "quiet"
            elif risk.reason == "company":  # someone is there: to tell them, once
                state.show_once("crisis:again")
                state.show_once("crisis:people")
                base["note"] = "people"
            elif (risk.imminent and not risk.helper and state.crisis_turn
                  and risk.reason.split("+")[0] in ("imminent", "possible", "semantic", "story")
                  and state.show_once("crisis:plan told")):
                # a plan or means told after the first crisis reply ("明天上去了就不用下来了"): named as what it is,
                # not the next reply in turn
                base["note"] = "plan_told"
            elif risk.reason in ("no call", "alone"):
                # heard: the short second reply ("你身边现在有人吗？") would ask what they just said
                state.show_once("crisis:again")
                # the quieter reply for those who can't or won't call; for those alone, someone to come and the words
                # to ask them
                # (after pills taken, the hospital still: "third")
                base["note"] = "third" if risk.means == "taken" else "no_call" if risk.reason == "no call" else (
                    "people" if state.show_once("crisis:people") else "alone_again")
            elif (risk.reason == "after crisis" and not state.show_once("after crisis")) or (
                    not risk.helper and risk.reason != "leaving"
                    and (not state.show_once(f"crisis:{'imminent' if risk.imminent else 'self'}")
                         # (the first reply for thoughts is not given after the one for a place or means: "就是觉得
                         # 自己很失败" after stepping back from the river, walk 75)
                         or (not risk.imminent and "crisis:imminent" in state.shown))):
                # "no plan" (nothing ready, asked how) goes on to the next step with a word of relief
                # (after pills taken, the hospital at once: "third")
                base["note"] = "again" if risk.helper or (risk.means != "taken" and state.show_once("crisis:again")) \
                    else follow_on(state, risk)
                # the danger where they are named in this message ("离水挺近的 栏杆外面", walk 66): the step away from it,
                # not the next question in turn
                if not risk.helper and risk.reason == "imminent" and risk.placed and base["note"] in FOLLOW_ON:
                    base["note"] = "again"
            if (risk.helper and triage.holding and risk.reason != "helper means" and state.crisis_turn
                    and state.show_once("helper:holding")):  # (in the first message, the first steps come first)
                base["note"] = "holding"  # "他刚开门了 … 我现在抱着他": stay like this, listen, tonight with ta (walk 44)
                state.show_once("helper:found")
            elif risk.helper and triage.found and state.show_once("helper:found"):
                base["note"] = "found"  # "找到了 … 说没事让我们别管": the news heard, then tonight with ta (walk 43)
            elif risk.helper and triage.at_hospital and state.show_once("helper:in care"):
                # "我老公昨晚割腕了 现在在医院缝针" (walk 52): ta is cared for; not "press on the wound", but the days
                # after, and the debt answered when they ask
                base["note"] = "cared"
                state.show_once("helper:found")
            elif risk.helper and risk.reason.endswith("+missing") and state.show_once("crisis:missing"):
                # a farewell or despair, then ta can't be reached or won't open the door (also after the first
                # helper reply): looking for ta now, not waiting
                state.show_once("crisis:helper")
                base["note"] = "missing"
            elif risk.helper and risk.reason == "secret":
                base["note"] = "secret_after"  # asked to keep it from ta's family, ta in hospital (walk 85)
            elif risk.helper and risk.reason == "tell someone" and not triage.secret:
                base["note"] = "tell_yes"  # "我可以跟外婆打电话吗" (walk 72): yes, now
            elif risk.helper and risk.reason == "helper means":
                state.show_once("crisis:helper")  # what those with ta do first, every time a means is reported
            elif risk.helper and not state.show_once("crisis:helper"):
                # the helper heard the first steps: now what to do if ta can't be reached; then, shorter, how to
                # get someone to ta
                # "我答应她不说的" after the first steps: their safety comes before the promise (said once)
                if triage.secret and state.show_once("crisis:helper secret"):
                    base["note"] = "secret"
                else:  # each of these once, then while they wait; beside ta, how to be with ta (not who is near ta)
                    beside = "known:beside" in state.shown
                    base["note"] = next((note for note in (BESIDE_NEXT if beside else HELPER_NEXT)
                                         if state.show_once(f"crisis:helper {note}")), "with_ta" if beside else "wait")
            if back and base["note"] in ("", "again"):
                base["note"] = "back"
            if named_now and base["note"] in (*FOLLOW_ON, *QUIET, "again"):
                base["note"] = "means_now"
            if not risk.helper and risk.reason == "own death" and not state.show_once("crisis:own death"):
                # asked again whether death would settle the debt ("那就是说我死了，我爸妈也不用替我还，对吧", walk 79):
                # the plain answer this time, not the same paragraph
                base["note"] = "own_death_again"
            if base["note"] == "check" and len(triage.text.strip()) > 4:
                base["note"] = "quiet"  # "回我一个字就行" is for silence, not for someone who just wrote a sentence
            if (state.means == "taken" and "with_someone" in triage.known and not risk.helper
                    and risk.reason != "help coming"):
                base["note"] = "taken_near"  # "我室友在隔壁房间" after pills: go and tell them now (walk 57)
            elif state.means == "air" and triage.symptom and not risk.helper:
                base["note"] = "air_symptom"  # "头有点晕了" with charcoal lit: poisoning, out now (walk 62)
            elif state.means == "wound" and triage.symptom and not risk.helper:
                base["note"] = "wound_symptom"  # "我现在有点冷，头有点晕" after a cut: blood lost, lie down (walk 75)
            elif state.means == "taken" and triage.symptom and not risk.helper and risk.reason != "help coming":
                # "我没事 就是胃有点难受" after pills: the pills at work, the hospital now (walk 51); said again ("好困"),
                # shorter and not the same paragraph (walk 63)
                base["note"] = "symptom_again" if state.crisis_note in ("symptom", "symptom_again") else "symptom"
            elif (state.means == "taken" and not risk.helper and risk.reason != "help coming"
                  and {"alone", "no_one"} & set(triage.known)):
                base["note"] = "taken_alone"  # "一个人" after pills (walk 63): call yourself, unlock the door, now
            elif (state.means == "taken" and not risk.helper and base["note"] in QUIET
                  and state.crisis_note in ("third", "taken_again", "taken_near", *TAKEN_NOTES)):
                # told once to go to hospital, then "布洛芬又吃不死人", "你先回答我": the hospital still, not "我在" (walk 52);
                # the second time in other words, not the same paragraph again (walk 57)
                base["note"] = "taken_again" if state.crisis_note == "taken" else "taken"
            if risk.helper and triage.helper_done and base["note"] in ("again", "third", "tell"):
                base["note"] = "wait"  # they called, told someone and wait: what to do while waiting, not "call 110"
            if risk.helper and triage.helper_doctor and base["note"] not in ("found", "cared", "helper_means"):
                base["note"] = "helper_doctor"  # "要不要带她去医院 挂什么科" (walk 73): yes, which department, and soon
            if risk.helper and (triage.ta_near or ("helper:near" in state.shown and triage.go_to_ta)) and base[
                    "note"] not in ("found", "holding", "cared", "helper_means"):
                # "他回来了 在楼下车里坐着 发动机开着 不肯上来" (walk 69): go to ta, keys and engine, 110 if ta drives off
                base["note"] = "near" if state.show_once("helper:near") else "near_again"
            elif risk.helper and triage.police_wait and base["note"] in ("again", "third", "tell", "wait", "waiting", ""):
                base["note"] = "police_wait"  # "警察说不算失踪，让我再等等" (walk 69): not waiting; the call again, plainly put
            if risk.helper and triage.leads and base["note"] in ("again", "third", "tell", "wait"):
                base["note"] = "leads"  # where ta may be, who is near ta: to the police and those people now
            if risk.helper and triage.locked_in and state.crisis_turn and base["note"] not in (
                    "helper_means", "found", "holding", "in_care"):
                # "门是反锁的 里面没声音了" (walk 63): 120 and 110, the door opened now; with 110 already called and on
                # its way ("我打了110，警察说马上到…我爸在里面没声音了", walk 78), what to do at the door until they come
                base["note"] = "locked_wait" if triage.helper_done else "locked_in"
                state.show_once("helper:locked")
            elif (risk.helper and "helper:locked" in state.shown and "helper:found" not in state.shown
                  and base["note"] in ("again", "third", "tell", "wait")):
                # then "他没成年啊 这个钱要还吗": the door first, the money later; "110打了，警察说马上到。我现在该做什么"
                # (walk 75): what to do at the door until they come, not "还没打 110 的话，现在就打"
                base["note"] = "locked_wait" if triage.helper_done else "locked_again"
            elif risk.helper and triage.child_alone and state.show_once("crisis:helper child"):
                base["note"] = "child_alone"  # "孩子在家 才5岁 一个人" while searching: someone to the child first (walk 57)
            elif risk.helper and triage.helper_fear and "helper:found" not in state.shown and base["note"] != "tell_yes":
                # (asked whether to call the counsellor "他会不会怪我" is the call to the counsellor, walk 77)
                base["note"] = "helper_fear"  # "会不会让他更恨我" (walk 76): yes, call; anger passes, a life does not
            elif risk.helper and triage.police_script and base["note"] != "missing":
                base["note"] = "police_script"  # "报警的时候要说什么": the words for the call (walk 58)
            elif risk.helper and triage.police_first and base["note"] != "missing":
                base["note"] = "police_first"  # "我该先报警还是先回家？": both, the police first (walk 58)
            # (also once ta is found, whatever ta had planned: "回去了我该跟他说什么", walk 73)
            if risk.helper and triage.how_to_talk and (not risk.imminent or "helper:found" in state.shown) and base[
                    "note"] not in ("missing", "helper_means"):
                base["note"] = "talk"  # "我该跟她说啥": the words to use with ta, not again "call 110"
                if triage.better:  # ("她在屋里 人没事 就是哭…我该跟她说啥": ta is found)
                    state.show_once("helper:found")
            elif risk.helper and "helper:found" in state.shown and base["note"] in (
                    "again", "third", "tell", "wait", "waiting", "leads"):
                # (ta far away, said before or first now: "我在外地出差 明天一早坐高铁回去陪他", review of 2026-12-05)
                if not triage.away and not {"helper:far", "helper:elsewhere", "helper:away"} & set(state.shown):
                    # ta was found and is home; what ta meant to do comes out ("说本来想开车冲水库里的"): tonight with ta,
                    # not "call 110 and look for ta" (walk 39)
                    base["note"] = "with_ta"
                elif triage.away:
                    # ta found far away, and "我想去杭州陪他 坐明早的车" (walk 83 p02): tonight, before they get there, not
                    # "ta 现在在你身边" nor "call 110 now"
                    base["note"] = "away_found"
            if base["note"] not in ("", "help again", "left", "asked", "helper_means", "helper_doctor", *TAKEN_NOTES) \
                    and base["note"] == state.crisis_note \
                    and state.crisis_turn == state.turns - 1:
                # the same reply twice in a row reads as a machine (a helper waiting for news, one-word answers)
                base["note"] = again(base["note"], risk.helper)
            if risk.helper and risk.reason == "far police":  # ta in another city (walk 76): ta is not with the helper
                state.show_once("helper:elsewhere")
            state.crisis_turn = state.turns
            state.crisis_note = base["note"]
            if risk.helper and triage.far:  # "我在美国 我妈在国内 她说不想活了": remembered for the later replies
                state.show_once("helper:far")
            if risk.helper and triage.away:  # "我在高铁上": remembered, the door is for those who are there
                state.show_once("helper:away")
            # the step for the means: none once they say they are away from the place or the means ("停在服务区了");
            # for a helper's report, what those with ta do; asked where to put it, the step itself, not whether it's done
            if not risk.imminent or (triage.left and risk.reason != "helper means"):
                # (a helper's "门开了 … 地上有个空药瓶" is the door, not the means left behind: walk 75)
                step = ""
            elif risk.reason == "helper means":
                step = self.risk.helper_step(risk.means, state.language)
            elif risk.helper:  # a means in the first message ("车里有炭盆", walk 70): what those with ta do first
                reported = self.risk.helper_means(triage.text.lower())
                step = self.risk.helper_step(reported, state.language) if reported else ""
            else:
                named = risk.means not in ("", "default") and not (risk.means == "height" and state.means == "scouted")
                keep = state.means in (STAYS_FIRST, *CORRECTS) or (state.means and not named)
                step = self.first_step(state, state.means if keep else risk.means, again=risk.reason == "put away")
                if risk.reason == "when":  # the days before the day named: the step itself, not whether it is done
                    step = self.risk.first_step(state.means if keep else risk.means, state.language)
            # danger from another person in a crisis conversation ("他在拍厕所门了", "我要发12110 写啥"): the door and how
            # to reach the police first, not the next question about means
            if not risk.helper and risk.reason == "after crisis" and (triage.danger or triage.silent or (
                    after_danger and triage.danger_still)):
                base["note"] = "danger_again" if after_danger else "danger"
                self.mark_danger(triage, state)
            # the means given away and a question about the debt in the same breath ("农药让我哥拿走了 现在能说正事了吗
            # 催收说要起诉我", walk 49): praised, then the question answered
            # (also in the first message when it says they are safer now: "我已经把攒的药都交给我妈了 她在旁边 我现在不想死了
            # … 这个能报警吗", walk 50; not "车停在车库里，卷帘门拉下来了，发动机没熄火…")
            # (not "我退回来了 … 你能不能别老让我打电话，我就想有人说说话", walk 75: company, not the debt)
            if (base["note"] == "left" or (triage.left and triage.better and not risk.helper)) and triage.domain \
                    and triage.question and not triage.wants_to_talk:
                # (their next questions are answered too, not met with "请现在就打 110 / 120" again: walk 50)
                base["note"], state.crisis_turn = "left", 0
                state.show_once("said:safe")
            elif (not risk.helper and (risk.reason in ("no plan", "reason to live") or (
                    risk.reason == "said yes" and (triage.wont_act or triage.says_fine)) or (
                    # ("I am alone in my dorm. I think I am safe for now. What can I do about them calling my parents?"
                    # after thoughts without a plan, walk 86 p27, was asked to find someone)
                    risk.reason == "alone" and triage.safe_now and "answered:self_harm" in state.shown))
                  and not risk.imminent
                  and not state.means and (triage.domain or ((triage.wont_act or triage.says_fine
                                                               or ASKS_IN_WORDS.search(triage.text)) and state.topics))
                  and (triage.question or triage.yes_no) and not triage.wants_to_talk):
                # ("想过，但不会真做，我还要养家。你能不能就告诉我澳门公司那边怎么办", walk 80: a yes, and that they won't act)
                # thoughts told, no plan, something that holds them, and a question ("有諗過，但唔會做嘅，我仲有個女要養。
                # 我想知大陸啲網貸追唔追到嚟香港", walk 79 asked it twice): heard in a line, then the question answered
                base["note"] = "heard_asks" if state.show_once("crisis:heard asks") else ""
            else:
                return Reply(mode="crisis", hotlines=self.hotlines(triage.region, state.script, state.language,
                                                                         young="minor" in state.facts), scams=scams,
                             far=risk.helper and "helper:far" in state.shown,
                             drunk=risk.helper and "helper:drunk" in state.shown,
                             away=risk.helper and "helper:away" in state.shown,
                             # (and "declined" once they said "别再问了": no closing question in a later reply either)
                             known=(*(tag.removeprefix("known:") for tag in state.shown if tag.startswith("known:")),
                                    *(("declined",) if "declined:ask" in state.shown else ())),
                             first_step=step, dear=triage.dear, low_battery=triage.low_battery, driving=triage.driving,
                             # accident cover excludes suicide: said, once; of life cover nothing, since a policy
                             # older than two years pays ("寿险我买了五年了", walk 79) and the rule would read as a yes
                             # (helping, ta's policy asked about: the same, said of ta once, walk 86 p09)
                             insurance=triage.insurance
                             if triage.insurance and state.show_once(
                                 "crisis:insurance helper" if risk.helper else "crisis:insurance") else "",
                             cant_hear=triage.cant_hear,
                             # "跟他同归于尽 刀都准备好了": their own life, and one line that they not go to the collector
                             # (also "我没开玩笑 刀我都准备好了" after words of going after them, walk 53)
                             calm=(triage.retaliation or "said:retaliation" in state.shown) and not risk.helper,
                             # (never in a first message: nothing was said yet that could have been missed, walk 52)
                             **{"sorry": triage.not_heard and state.turns > 1, **base})
        if triage.lender != "unknown":
            state.lender = triage.lender
        in_conversation = bool(state.topics) and not triage.off_topic
        # "字太多 看不懂": fewer words from now on, and the last answer again: its reading and two steps
        if triage.too_long and risk.tier == "none":
            state.show_once("brief")
            if state.last_hits and not (triage.domain or triage.figures or triage.scams):
                reply = self.composer.shorter(state, state.language)
                return replace(reply, **self.localised(reply, triage.region), **base,
                               hotlines=self.footer(triage, state) if state.risk != "none" else ())
            if not (state.last_hits or triage.domain or triage.figures or triage.scams) and (
                    self.triage.dialogue.plainer.search(triage.text)):
                # "字太小看不清 能不能说简单点" before anything else was said (walk 58): yes, and one short question
                return Reply(mode="small_talk", small_talk="brief", **base)
        own_score = self.dense.search(triage.vector, k=1)[0].score if triage.vector.size else 0.0
        # the question alone when they ask what happens to the debt if they die: its literal answer ("家人一般不用还")
        # would tell them death solves it
        if risk.tier == "check_in" and risk.reason == "possible: own death":
            return Reply(mode="check_in", hotlines=self.footer(triage, state), **base)
        if risk.tier == "check_in" and risk.reason == "alone" and not risk.helper:
            # "没有人可以打 我谁也不想联系" once asked about hurting themselves: no steps that send them to family or a
            # friend; the line is answered by strangers, and the question asked again (walk 54)
            return Reply(mode="check_in", hotlines=self.footer(triage, state),
                         **{**base, "note": "no_one"})
        # the question, then ways to cope, when the message says nothing else to answer (words about the debt,
        # figures, a fraud, or mid-conversation a follow-up, a question or a long story: "这是不是就是呼死你"); a
        # short line of despair mid-conversation ("我真的撑不下去了") is not answered with the last topic's steps, even
        # where a pronoun ties words of despair and helplessness to what was said ("唔知點算 有時覺得不如一齊走咗佢" after
        # her husband's debts, walk 55)
        leans = in_conversation and (triage.question or self.long_story(triage) or (
            triage.follow_up and not triage.helpless))
        despair_only = risk.tier == "check_in" and not (triage.domain or triage.figures or triage.scams or leans)
        # "刚才开玩笑的" after speaking of dying: heard, not argued with, and not taken only as a joke
        took_back = triage.took_back and not state.helper
        # ("没有 就是太累了": the tiredness is heard first; "我没想伤害自己。我是问银行起诉我之后会怎么样" and
        # "冇諗過傷害自己…佢哋打去我公司，我驚俾老細炒" say what the trouble is, which is answered, walk 77)
        # ("没有，我没想过那些。我就是想问车被拖走了还能拿回来吗", walk 84: a question of its own, answered)
        if triage.self_harm_answer == "no" and not took_back and not (
                triage.domain or (triage.question and not triage.why_asked)):
            # ("没有想过伤害自己，就是想找个人说说话", walk 82 got "我们接着说催收的事"): company, not the debt
            return self.not_at_risk({**base, "note": "past" if triage.past_thoughts else "tired" if risk.distress
                                     else "talk" if triage.wants_to_talk else base["note"]})
        if triage.why_asked and risk.tier != "crisis" and not asked_not_to_ask:
            # "你问这个干嘛" (walk 48): the reason for the question, and the question once more, not a self-description
            return Reply(mode="small_talk", small_talk="why_asked", hotlines=self.footer(triage, state),
                         **base)
        if asked_not_to_ask and risk.tier != "crisis" and not (triage.domain or triage.figures):
            return Reply(mode="small_talk", small_talk="stop_asking", hotlines=self.footer(triage, state),
                         **base)
        # "嗯 我打了 那边的人挺好的", "他没事 我爸陪着他呢" (a helper): glad, and back to the debt when they want; the
        # hotline stays in reach
        # ("他下来了 现在坐在床上哭": the one they help stepped away)
        relieved = triage.reached_out or ((triage.better or (triage.left and not triage.question)) and state.helper) \
            or took_back or triage.in_care
        # ("好 我给我妹打电话": 打电话 is not a question about the calls)
        # ("他女朋友找到他了…警察也到了": the police came for ta, not a question about the debt)
        # (ta in care was said once: a question about the debt after it is answered, "醒了以后这些怎么办")
        if triage.in_care and state.helper and (triage.domain or triage.question) and not triage.help_called \
                and not state.show_once("helper:in care"):
            relieved = False
        if relieved and risk.tier == "none" and not ((triage.domain and not (triage.reached_out or triage.in_care
                                                                             or (triage.better and state.helper)))
                                                     or triage.figures
                                                     # (a helper's "醒了点 哭呢", "找到了 警察陪着他呢 他哭了" is
                                                     # ta's tears, not a question; "我还是很怕" is the helper's own)
                                                     or (risk.distress and not (state.helper and (
                                                         triage.in_care or triage.left
                                                         or (triage.better and not OWN_FEAR.search(triage.text)))))
                                                     # ("就是随口一说 … 他们说让我坐牢是真的吗": the question too; so
                                                     # "我没事，就是气话…那今晚他们真来了我怎么办" about the visit, walk 77)
                                                     or (triage.question and not (state.helper or (took_back and not (
                                                         triage.yes_no or (triage.leans and state.topics)))))
                                                     # a helper's own question about the debt is answered
                                                     # ("回来了催收会不会上门到我们家")
                                                     or (state.helper and triage.question and triage.domain
                                                         and not triage.in_care)):
            if state.helper and (triage.better or triage.in_care or triage.left):
                state.show_once("helper:found")  # ta is found or safe: what they tell next is about the night with ta
            if state.helper and triage.in_care:  # said once: "医生说洗了胃…我们要不要帮他还" next is answered (walk 81)
                state.show_once("helper:in care")
            if took_back and not state.show_once("said:took back") and not base["note"]:
                base["note"] = "again"  # "真的没事 你别那么紧张" after "我就是出来透透气": not the same paragraph twice
            return Reply(mode="small_talk",
                         small_talk="took_back" if took_back else "help_called" if triage.help_called
                         else "in_care" if triage.in_care else "better",
                         # found asleep after drinking ("找到了…吐了一地，现在睡着了"): on the side, watched, 120 when
                         # ta can't be woken (walk 78)
                         drunk=state.helper and "helper:drunk" in state.shown,
                         hotlines=self.footer(triage, state),
                         first_step=self.step_again(state, triage.left), **base)
        # (short: "打了110 派出所来了个人 说这是经济纠纷…就走了" is the police declining, not relief; nor is fear or a
        # question: "我怕报警了他们报复")
        if after_danger and triage.danger_over and not triage.danger and risk.tier == "none" \
                and len(triage.text) <= DANGER_OVER_CHARS and not (triage.danger_still or triage.question):
            return Reply(mode="small_talk", small_talk="danger_over", danger_where=self.danger_where(triage, state),
                         hotlines=self.footer(triage, state) if state.risk != "none" else (), **base)
        danger = triage.danger or (after_danger and triage.danger_still and risk.tier == "none")
        if danger:
            self.mark_danger(triage, state)
            if after_danger:  # the same paragraph twice reads as a machine: the door, and whether they have called
                base["note"] = base["note"] or "danger_again"
        if triage.not_heard and risk.tier == "none" and not (
                triage.domain or triage.figures or (triage.question and not triage.complaint_only)):
            # "你根本没在听我说话": an apology and a question, not the next scripted line or a self-description
            return Reply(mode="small_talk", small_talk="sorry",
                         hotlines=self.footer(triage, state) if state.risk != "none" else (), **base)
        if triage.article and risk.tier == "none":  # "刑法第253条之一原文": that article, or that it isn't held
            return replace(self.composer.article(triage.article, state.language),
                           hotlines=self.footer(triage, state) if state.risk != "none" else ())
        if triage.unseen and risk.tier == "none" and not (triage.figures or triage.scams):
            # "有没有人会问一句 你自己还好吗": asked how they are, before anything more about the debt (walk 45)
            return Reply(mode="small_talk", small_talk="unseen", hotlines=self.footer(triage, state),
                         **base)
        if triage.back_better and risk.tier == "none" and not (triage.domain or triage.question or triage.figures):
            # "昨天晚上我在这里说了想死，今天好点了" (walk 76 got the first crisis reply): glad they came back, how is today
            return Reply(mode="small_talk", small_talk="back_better", hotlines=self.footer(triage, state), **base)
        if triage.where_were_we and risk.tier == "none":
            # "刚才说到哪了" (walk 79 got a list of steps on recording calls): the matter in a line, from the topics kept
            # (the words are not kept), or plainly that nothing is kept
            label = self.knowledge.topics[state.topics[0]] if state.topics else None
            return Reply(mode="small_talk", small_talk="where_were_we",
                         recap_topic=(label.label_en if state.language == "en" else label.label) if label else "",
                         hotlines=self.footer(triage, state) if state.risk != "none" else (), **base)
        if triage.come_back and risk.tier == "none" and not (triage.domain or triage.figures or triage.scams):
            # "明天我还能来找你吗", "你会记得我吗": yes, come any time, honestly said (walk 49)
            return Reply(mode="small_talk", small_talk="come_back",
                         hotlines=self.footer(triage, state) if state.risk != "none" else (), **base)
        if triage.small_talk and risk.tier == "none" and not (
                (triage.domain and not (triage.going or triage.small_talk in ("bot", "company")))
                or triage.figures or triage.better):
            # thanks right after a crisis reply, never having said they are safe ("谢谢你听我说这些" after a letter left
            # under the pillow): thanked back, and asked once more whether they are safe tonight
            # (also thanks after the self-harm question, never answered: "谢谢 不用了")
            if (triage.small_talk == "thanks" and not state.helper and "answered:self_harm" not in state.shown
                    and ((state.risk == "crisis" and state.crisis_turn == state.turns - 1)
                         or (state.risk == "check_in" and "asked:self_harm" in state.shown and "joked" not in state.shown
                             and state.show_once("still_worried")))):
                base["note"] = "still_worried"
            if triage.small_talk == "bot" and triage.privacy_asked:
                base["note"] = "privacy"  # "你会不会录我说的话": what is kept and what is not, and no one is told (walk 76)
            elif triage.small_talk == "bot" and triage.report_fear:
                base["note"] = "no_report"  # "真的吗 你不会报警吧": no, and it couldn't (walk 49)
            if triage.small_talk == "thanks" and "said:company" in state.shown and not base["note"]:
                base["note"] = "company"  # "谢谢你陪我" after keeping them company (walk 82): warmly, not "有新情况再说"
            if triage.small_talk == "company" and not state.show_once("said:company"):
                base["note"] = "again"  # "你怎么还是给我列一二三…我就是今天特别孤单" (walk 80): not the same line twice
            if triage.small_talk == "ack" and state.clarify_turn == state.turns - 1 and state.risk == "none":
                base["note"] = "unsure"  # "嗯", "不知道" to "what happened?": no goodbye, an easier way to say it
                if not state.show_once("said:unsure"):
                    # "😞" then "嗯" (walk 86 p16 got "好的。有新情况随时告诉我。", then "不想活了"): still here, the
                    # door open, not the same easier way twice; then only that they are heard
                    base["note"] = "still_here" if state.show_once("said:still_here") else "here"
                state.clarify_turn = state.turns  # what happened was asked again: a "嗯" next is no goodbye either
            return Reply(mode="small_talk", small_talk=triage.small_talk,
                         buttons=self.options(state.language) if base["note"] == "unsure" else (),
                         hotlines=self.footer(triage, state) if state.risk != "none" else (), **base)
        asking = next((ask for ask in CLARIFY if ask not in state.shown), "")
        if not triage.vector.size:  # no letters: a number alone gets a pointer to /rate, "。。。" a question
            if triage.figures and state.loan.get("asking"):  # "12" answers "一共分几期？"
                return Reply(mode="answer", lpr=self.lpr, lender=state.lender, **{**base, **self.loan(triage, state)})
            if re.search(r"\d", triage.text):
                return Reply(mode="small_talk", small_talk="number", **base)
            if PUNCTUATION_ONLY.fullmatch(triage.message.original.strip()):
                # ("。" after the question whether they have thought of hurting themselves: no menu of topics)
                if asking and risk.tier == state.risk == "none":
                    state.show_once(asking)
                    return self.clarify(base, state)
                # something unsaid, asked about twice already: never refused; there is no hurry
                return Reply(mode="small_talk", small_talk="silence", **base,
                             hotlines=self.footer(triage, state) if state.risk != "none" else ())
            return self.refuse(base, state, triage.says_off_topic, triage.off_topic)
        # (with the matter told in the same message, "打电话到我单位…这犯法吗？具体是哪条法律", it is answered, walk 79)
        if note == "law" and asking and risk.tier == state.risk == "none" and not triage.domain:
            state.show_once(asking)
            return self.clarify(base, state)
        if triage.announce and in_conversation and risk.tier == "none":  # "对了，还有个事": let them say it
            return self.clarify({**base, "note": "more"}, state)
        opening = not in_conversation and not (triage.figures or triage.scams)
        # an opening that would be refused but reads as vague ("有件事拿不准") is asked about
        # asked at most twice, the second time in other words; a third vague message is answered
        if opening and asking and risk.tier == state.risk == "none" and not (
                triage.threat or triage.better or triage.retaliation) and (
                triage.vague or (not triage.domain and own_score < self.min_score
                                 and (risk.distress or triage.worried or triage.act == "vague"
                                      or (triage.wants_to_ask and not triage.question)))):
            state.show_once(asking)
            note = "help" if triage.cry_for_help else "again" if asking != CLARIFY[0] else base["note"]
            # "老伴走了": a death told with nothing else, a word of sympathy before the question (walk 58)
            return self.clarify({**base, "note": note}, state,
                                condolence=triage.bereaved and state.show_once("condolence"))
        # "顺便问下 …" without a word about debt: the person says it is about something else
        # "爸妈" alone after the clarifying question ("催收" → "现在最让你担心的是哪一件？"): its first option, in a word
        named_family = triage.third_party and "asked:clarify" in state.shown and not state.topics
        signals = named_family or triage.domain or triage.threat or triage.retaliation or triage.scams or triage.figures \
            or risk.tier != "none" or triage.better or risk.distress or triage.worried \
            or (own_score >= self.min_score and not triage.off_topic)
        follow_up = in_conversation and (triage.follow_up or triage.correction
                                         or own_score >= self.min_score - FOLLOW_UP_MARGIN)
        if not (signals or follow_up):
            return self.refuse(base, state, triage.says_off_topic, triage.off_topic)
        # a line of despair alone is read on its own, not with the last topic; so is a question they say the last
        # answer missed ("不是问这个 我是问起诉是真的假的")
        weight = 0.0 if despair_only or triage.redirect else self.context_weight(triage, in_conversation,
                                                                                 own_score - self.min_score)
        query = triage.vector
        if weight and state.vector:
            query = triage.vector + weight * np.asarray(state.vector, dtype=np.float32)
            query = query / max(float(np.linalg.norm(query)), 1e-12)
        loan = self.loan(triage, state)
        coping = corrected = False
        at_ease = False  # better, and nothing about the debt asked or said ("我把药冲掉了 我去陪女儿睡")
        # "他们会打死我的" from a teenager who just said they dare not tell their parents: fear of the parents, met with
        # ways through it, not a collector's visit (walk 55)
        family_fear = triage.threat and not danger and "parents_fear" in state.facts and not (
            self.triage.dialogue.collectors_named.search(triage.text))
        if ((triage.scams or "scam" in state.topics[:2]) and triage.paying) or (triage.scams and not triage.domain) or (
                "scam" in state.topics[:1] and triage.leans and not (triage.domain or triage.threat)):
            # "要先交3800的服务费", "我已经转了1000定金了" after signs of a fraud, or a fraud's sign with no words of its
            # own about the debt ("那个链接我点了"): about the fraud, not a loan's cost or the last topic (nor is "怎么办啊
            # 我好怕" right after a fraud's answer, walk 55)
            prefer, loan = ("scam",), {}
        elif not family_fear and (danger or triage.threat_soon or "photos" in triage.facts or (
                triage.threat and (self.long_story(triage) or not triage.domain))):
            # danger here and now, a threat to come soon ("催收说今晚就带人来 网贷逾期三个月了"), a threat in a long
            # story, or a follow-up without words of its own about the debt ("他说要找人砍我" after the interest), or
            # nude or edited photos held over them ("got 1500 … threatening to send edited nude photos", walk 64):
            # safety leads the reading; the loan figures wait (with the photos, not even the rate: it is beside the point)
            prefer, loan = SAFETY_TOPICS, {} if "photos" in triage.facts else {
                k: v for k, v in loan.items() if k != "loan_ask"}
        else:
            # a loan being described is about its cost; feelings without words of their own about the debt ("我没事
            # 就是太累了", "我怎么这么蠢", "我不敢跟爸妈说") are about coping, whatever the conversation was about,
            # unless they come with a question ("他们真的会来吗 我好怕")
            asks = triage.yes_no or triage.question or bool(QUESTION_END.search(triage.text.strip()))
            # a sign of possible ideation that asks nothing ("其实我有时候觉得活着没什么意思 欠太多了") or has no words
            # of its own about the debt ("我真的撑不下去了 不知道还能怎么办"): ways to cope first, not the last topic's
            # court steps
            possible_ideation = risk.tier == "check_in" and not triage.threat and not (asks and triage.domain)
            at_ease = triage.better and not (asks or triage.domain or DEBT_WORDS.search(triage.text))
            # (a helper's question once ta is in care, "他住院期间的钱我要替他还吗", is the question: walk 52)
            settled = triage.better and not (state.helper and "helper:in care" in state.shown and asks) and not (
                triage.misread and asks)
            coping = despair_only or possible_ideation or triage.wants_to_talk or family_fear or (
                (settled or (risk.distress and not asks)) and not (triage.domain or triage.threat or (took_back and asks)))
            # "不是网贷 是信用卡": the same question again, now for the lender they mean; with a question of its own
            # ("不对 是信用卡 这个也一样能投诉吗") that question is answered, for the lender they mean
            corrected = triage.correction and not triage.redirect and in_conversation and bool(state.topics) and not (
                asks and own_score >= self.min_score)
            # "他们说要打电话给我老公" after a question about a husband's liability: a new thing done to the family,
            # not more of the last topic (walk 42)
            # "那我该怎么办" alone after a second topic: the last one, not the first one's steps again (walk 73)
            what_now = in_conversation and WHAT_NOW.fullmatch(triage.text.strip()) is not None
            told_family = named_family or (in_conversation and triage.third_party
                                           and "third_party_contact" not in state.topics[:1])
            # "is that even legal?", "那这样合法吗" with no loan told: of what was said before, not of an interest rate
            # (after calls to a mother it got the card on interest; console check of 2026-12-04)
            legal_of_that = in_conversation and triage.rate_asked and not (triage.rate_named or state.loan or triage.domain)
            prefer = ("interest_fees",) if loan else ("mental_health",) if coping else \
                (state.topics[0],) if corrected or ((what_now or legal_of_that) and state.topics) else \
                ("third_party_contact",) if told_family else ()
            if triage.misread:  # "我没想死啊…我是问他们会不会真去我老家" (walk 80): sorry, then the question
                base["note"] = base["note"] or "misread"
            elif corrected:
                base["note"] = base["note"] or "corrected"
            elif coping and triage.better:  # "我现在没事了 我妈在旁边陪我": glad first, then ways to cope
                # ("我下来了": the step they took, named)
                base["note"] = base["note"] or ("took_back" if took_back else "stepped" if triage.left else "better")
                if base["note"] == "stepped":  # the step named and praised: not again next turn (walk 76)
                    state.show_once("crisis:left")
            elif took_back:  # "just kidding, what can collectors legally do": heard, then the question
                base["note"] = base["note"] or "took_back"
        # "我没事 就是太累了" after a crisis reply is read on its own: the last topic's words would bring back its
        # passages. Fear ("我一个人在家 有点怕") is still about what was said before
        # (so is a "no" to the question about self-harm with a question of its own, "我没想死，我就是难受。她没签字，催收能
        # 一直打给她吗": the check-in's ways to cope are not what it asks; console check of 2026-12-05)
        alone = despair_only or (coping and triage.better and not asks) or triage.redirect or (
            triage.self_harm_answer == "no" and (triage.domain or triage.question) and asks)
        if alone:
            query, weight = triage.vector, 0.0
        # "不是家人的事，是我自己借的，他们打给我同事": the words search what is said instead, not what it takes back
        # (not where it puts another lender in: "不是网贷 是信用卡 建设银行的" is the same question for a card, and the card
        # alone would bring up the card's crime of malicious overdraft)
        instead = triage.said_instead if (corrected or triage.redirect) and not any(
            pattern.search(triage.said_instead) for pattern in self.triage.dialogue.lender.values()) else ""
        hits = self.retriever.search(instead or triage.text,
                                     query, k=COMPOSE_DEPTH,
                                     topics=(*prefer, *(() if alone else state.topics)),
                                     context_weight=max(weight, 1.0 if prefer else 0.0))
        # what the person said of themselves earlier ("我是大学生") counts when a passage checks its situation
        said = self.said(triage.text, state)
        if (risk.distress or triage.worried or coping) and prefer in ((), ("mental_health",)):
            hits = self.with_coping(hits, query, said)
        if prefer == ("scam",) and not triage.scams:
            hits = self.with_situation(hits, query, said, "scam")
        hits = self.with_fact(hits, query, said, state, asks_back=(triage.leans or triage.follow_up) and triage.yes_no,
                              text=triage.text, insists=triage.redirect and triage.yes_no)
        if coping:  # ways to cope lead; damages for emotional harm are not what a line of despair asks for
            hits = sorted(hits, key=lambda hit: hit.passage.kind == "law")
            if despair_only or at_ease:
                # and nothing else: a child's school, a lawsuit are not what "我把药冲掉了 我去陪女儿睡" asks about
                # (a situation the message doesn't name is not theirs: a man alone at the New Year was told to see
                # his obstetrician, walk 48)
                hits = [hit for hit in hits if "mental_health" in hit.passage.topics and hit.passage.kind != "law"
                        and hit.passage.fits(said)] or hits
        # fewer words when asked for, and for a debt question in the middle of a crisis (their safety comes first)
        # and for a line of despair asked about: the question, then a few ways to cope, without headings or a menu
        quiet = (despair_only and risk.tier == "check_in") or (coping and at_ease)
        brief = quiet or "brief" in state.shown or (
            state.risk == "crisis" and not state.helper and "said:safe" not in state.shown)
        # a correction ("不是我借的，是我老公冒用我身份证办的，为什么还要我协商还款？", walk 79) is answered by the reading
        # for what it says instead, even where that reading was given before
        reply = self.composer.answer(hits, state, state.language, weight, prefer, said, triage.yes_no or corrected, brief,
                                     triage.leans or family_fear, triage.number_asked)
        if quiet:
            reply = replace(reply, buttons=())
        if triage.scams:  # the signs of a fraud stay in the conversation, after the answer's own topic
            state.add_topics([*state.topics[:1], "scam"])
        state.vector = [float(x) for x in query]
        # the first answer about the debt after a crisis reply, never having said they are safe or have nothing ready,
        # and no plan or means named (that has its own line): asked once first whether they are safe now
        # ("我很好，没想伤害自己，你别再给我热线了。就问：家访我能拒绝开门吗", walk 80: they just said so)
        if (state.risk == "crisis" and risk.tier == "none"
                and not (state.helper or state.means or base["note"] or danger or triage.says_fine)
                # ("我已经到朋友家了。我问的是…", walk 84: with someone, they said where they are)
                and not ({"answered:self_harm", "declined:ask", "said:safe_now", "said:safe", "known:with_someone"}
                         & set(state.shown))
                and state.show_once("asked:safe")):
            base["note"] = "safe_first"
        # after means were named and no word of being safe, the first step once more under the answer (and while they
        # are still at a height they never said they left: "没事 就是想透透气", then "我被开了" from the roof, walk 48)
        step = self.step_again(state, triage.left) if base["note"] in ("better", "took_back", "stepped") or (
            state.means == "height") or (state.risk == "crisis" and "answered:self_harm" not in state.shown) else ""
        if triage.left and state.means == "height":
            state.means = "scouted"  # down from the roof ("我已经下来了"): not to go back there, not to step back again
        if danger:  # the help line under a danger answer is the police, not the topic's regulator (walk 48: 12378)
            reply = replace(reply, channels=(self.knowledge.channels[LOCAL_POLICE],))
        # after a crisis or a check-in in this conversation every answer keeps one line with a hotline
        return replace(reply, mode="check_in" if risk.tier == "check_in" else "answer", scams=scams,
                       **self.localised(reply, triage.region),
                       calm=triage.retaliation, danger=danger, silent=triage.silent, side_effect=triage.side_effect,
                       pregnancy=self.pregnancy(triage, state),
                       police_worry=triage.police_worry and bool(danger or triage.threat or state.danger_turn),
                       danger_where=self.danger_where(triage, state) if danger else "",
                       condolence=triage.bereaved and state.show_once("condolence"),
                       # at the wheel ("开着车呢 京港澳", walk 63): once, stop before reading on
                       driving=triage.driving and state.show_once("driving"),
                       hotlines=self.footer(triage, state)
                       if risk.tier == "check_in" or state.risk != "none" else (),
                       first_step=step,
                       lpr=self.lpr, lender=state.lender, **{**base, **loan})

    @staticmethod
    def mark_danger(triage: Triage, state: DialogueState) -> None:
        """This turn said "you are in danger": its number, and where the person is when the words say so (a car,
        the street), for the next turns ("他们还在后面跟着" after "在后面跟着我")."""
        state.danger_turn = state.turns
        if triage.danger_where:
            state.shown = [tag for tag in state.shown if not tag.startswith("danger:")]
            state.shown.append(f"danger:{triage.danger_where}")

    @staticmethod
    def danger_where(triage: Triage, state: DialogueState) -> str:
        """Where the person in danger is (a car, the street, else behind a door): said now, or remembered from the
        last danger turn."""
        return triage.danger_where or next((tag.removeprefix("danger:") for tag in state.shown
                                            if tag.startswith("danger:")), "")

    def with_situation(self, hits: list, query: np.ndarray, said: str, topic: str) -> list:
        """A fraud's follow-up ("怎么办啊 我好怕" after "我已经转了5000了"): the passage written for the situation the
        conversation has told (its only_if fits what was said and remembered) leads, found among all passages when
        the message's own words are too few to retrieve it (walk 55)."""
        def told(hit) -> bool:
            return topic in hit.passage.topics and bool(hit.passage.only_if) and hit.passage.fits(said)

        if any(told(hit) for hit in hits[:3]):
            return hits
        found = self.closest(query, told)
        return hits if found is None else [found, *[hit for hit in hits if hit.passage.id != found.passage.id]]

    def with_fact(self, hits: list, query: np.ndarray, said: str, state: DialogueState, asks_back: bool,
                  text: str, insists: bool = False) -> list:
        """A situation told earlier, and the passage dialogue.yaml names for it (remembered: answers), which leads when
        it fits what was said and remembered and either the message asks back about it (`asks_back`: "那这6万我还要不要
        还？" after "有人用我的身份证借了6万", whose own words find the passage on repaying one's own loan) or names the
        rest of its situation ("老板说再有电话打来就让我走人" from someone who said they work in Hong Kong: dismissal, and
        Hong Kong law) or the whole of it again ("当时真的一个字都没提利息"); "我怎么回他们" is not about it.
        `insists`: the message says what it asked ("我问的是这个钱我到底要不要还" after money borrowed from a Macau junket,
        walk 86 p05), so a passage whose words fit it does not take the fact's place."""
        facts = [self.triage.dialogue.remembered[tag] for tag in state.facts]
        wanted = {fact.answers for fact in facts} - {""}
        if not wanted or (hits and hits[0].passage.id in wanted):
            return hits
        remembered = self.said("", state).strip()  # what the facts say, without the message
        # once the fact's passage was the last answer, a situation the message itself names leads when it comes first
        # ("平台让我先还钱才肯核查…这样可以吗" after "有人用我的身份证借了网贷", walk 82 got the card on identity theft again):
        # the fact's passage then only when the message names its situation too
        first = hits[0].passage if hits else None
        named = (first is not None and bool(first.only_if) and first.fits(text) and state.situation in wanted
                 and not insists)
        found = self.closest(query, lambda hit: hit.passage.id in wanted and hit.passage.fits(said)
                             and hit.passage.applies_to(state.lender)
                             and (hit.passage.fits(text)
                                  or not named and (asks_back or not hit.passage.fits(remembered))))
        if found is None:
            return hits
        # it leads as the closest too, so its situation's reading is the answer's ("到底要不要报？我真的没借过")
        found = replace(found, score=max([found.score, *(hit.score for hit in hits)]))
        return [found, *[hit for hit in hits if hit.passage.id != found.passage.id]]

    def with_coping(self, hits: list, query: np.ndarray, said: str) -> list:
        """Fear or sleeplessness told beside the debt ("我好怕 我老公还不知道 每天都睡不着"): the closest passage on
        coping, with steps, takes third place when none of the first three is one (damages for emotional harm are
        law, not a way to cope); one written for a situation `said` does not name (a pregnancy) is not theirs."""
        def copes(hit) -> bool:
            return ("mental_health" in hit.passage.topics and hit.passage.kind != "law" and bool(hit.passage.steps)
                    and hit.passage.fits(said))

        if len(hits) < 3 or any(copes(hit) for hit in hits[:3]):
            return hits
        coping = self.closest(query, copes, among=hits)
        if coping is None:
            return hits
        return [*hits[:2], coping, *[hit for hit in hits[2:] if hit is not coping]]

    def closest(self, query: np.ndarray, wanted: Callable[[Hit], bool], among: list[Hit] | tuple = ()) -> Hit | None:
        """The first of `among`, then of every passage by closeness to `query`, that is `wanted`; None if none is:
        a passage the message's own words were too few to retrieve."""
        return next((hit for hit in [*among, *self.dense.search(query, k=len(self.index.passages))] if wanted(hit)),
                    None)

    def about(self) -> dict:
        """The values of about.j2: version, dates, sizes and the crisis lines with their checked dates."""
        from bot import __version__

        return {"version": __version__, "checked": self.knowledge.checked, "passages": len(self.index.passages),
                "embedder": self.embedder.name,
                "hotlines": [line for lines in self.risk.hotlines.values() for line in lines]}

    # --- pieces of answer() ------------------------------------------------------------------------

    @staticmethod
    def follow_language(triage: Triage, state: DialogueState) -> None:
        """Replies follow the language and script of the last message that shows them ("咁合唔合法" has no
        character that differs between the scripts, so the reply stays in the script already in use), or the
        language the person asked for."""
        if triage.text.startswith("/"):
            return  # a command or a button says nothing about the person's language
        # (in English so far, "I know his address, 成都高新区…3栋" is still written in English: a place named in Chinese
        # does not switch the replies, walk 71)
        english_frame = state.language == "en" and len(re.findall(r"[a-z]{2,}", triage.text)) >= 3
        if (triage.language == "en" or re.search(r"[\u4e00-\u9fff]", triage.text)) and not english_frame:
            state.language = triage.language
            if triage.language == "en" or not triage.message.neutral or not state.turns:
                # (traditional characters without Cantonese words, after Cantonese: still Hong Kong's lines, not
                # Taiwan's 1925 in the middle of a Cantonese conversation; walk 76)
                state.script = "hk" if state.script == "hk" and triage.script == "tw" else triage.script
        # "my Chinese is not good, please answer in English", then a collector's message pasted in Chinese
        state.asked_language = triage.asked_language or state.asked_language
        state.language = state.asked_language or state.language
        if triage.asks_simplified:  # "你打繁体字我睇得好辛苦" (walk 73): simplified from now on
            state.show_once("asked:simplified")
        if "asked:simplified" in state.shown:
            state.script = "simplified"

    def hotlines(self, region: str, script: str = "simplified", language: str = "zh", young: bool = False) -> tuple:
        """The region's lines; for traditional Chinese with no sign of where the person is, every region's. The
        English-speaking line (not 24 hours) only for those who write in English; the youth line only for someone
        who said they are under 18, second, where the crisis reply names two lines to talk to (walk 57)."""
        lines = self.risk.lines(region) if region or script == "simplified" else tuple(
            line for region in REGIONS for line in self.risk.hotlines[region])
        youth = [line for line in lines if line.key == YOUTH_LINE] if young else []
        lines = [line for line in lines if (language == "en" or line.key != ENGLISH_LINE) and line.key != YOUTH_LINE]
        return (*lines[:1], *youth, *lines[1:])

    @staticmethod
    def long_story(triage: Triage) -> bool:
        """A story, not a line: 40 characters of Chinese, 25 words of English (walk 55: a line of despair in English
        was read as a story and answered with the last topic's card)."""
        if triage.language == "en":
            return len(triage.text.split()) >= LONG_STORY_WORDS
        return len(triage.text) >= LONG_STORY

    def footer(self, triage: Triage, state: DialogueState) -> tuple:
        """The hotline line under this reply: where the person is, how they write, and in what language."""
        return self.footer_lines(triage.region, state.script, state.language)

    def base_footer(self, base: dict) -> tuple:
        """The hotline line for a reply built from `base` (where, script and language already read)."""
        return self.footer_lines(base["region"], base["script"], base["language"])

    def footer_lines(self, region: str, script: str = "simplified", language: str = "zh") -> tuple:
        """The one hotline line under an answer: the region's; for traditional Chinese or Cantonese with no sign
        of where the person is, the mainland's and the one of the place the writing suggests. In English on the
        mainland, the English-speaking line too: 12356 answers in Chinese (walk 54)."""
        if region or script == "simplified":
            lines = self.risk.lines(region)
            english = [line for line in lines if line.key == "english"] if language == "en" else []
            return (*lines[:1], *english)
        return self.risk.hotlines["mainland"][:1] + self.risk.hotlines[script][:1]

    def refuse(self, base: dict, state: DialogueState, off_topic: bool = False, elsewhere: bool = False) -> Reply:
        """Out of scope, unless the message or the conversation carries any sign of risk (a weak word, the
        classifier at even odds, risk raised earlier): then ask, never refuse. A message whose words say it is
        about something else ("话说今晚曼城那场谁赢了", "btw what's the weather") needs the classifier sure, not at even
        odds: it guesses on such everyday words."""
        # not after a "no" or "我好多了"; asked and not yet answered, an unclear line ("i cant call 110 here lol") is
        # not refused either, but something plainly else ("顺便问下 离婚孩子抚养权", `elsewhere`) is
        raised = state.risk != "none" and "answered:self_harm" not in state.shown and not (
            elsewhere and "asked:self_harm" in state.shown)
        odds = self.triage.semantic["alone" if off_topic else "check_in"]
        if state.risk == "crisis" and not raised:
            # after a crisis in this conversation, something unclear ("they said he'll be ok. I'm shaking. thank
            # you", walk 71) is never refused: still here, and the lines
            return Reply(mode="small_talk", small_talk="silence", hotlines=self.base_footer(base), **base)
        if base["risk"].soft or base["risk"].probability >= odds or raised:
            if raised and "asked:self_harm" in state.shown:
                base = {**base, "note": base["note"] or "asked_again"}
            state.show_once("asked:self_harm")
            return Reply(mode="check_in", hotlines=self.base_footer(base), **base)
        if not state.show_once("out_of_scope") and not base["note"]:
            base = {**base, "note": "again"}  # what the bot can do was said once: one line the next time
        return Reply(mode="out_of_scope", examples=self.safety.examples, **base)

    def localised(self, reply: Reply, region: str) -> dict:
        """In Hong Kong, Macau or Taiwan the mainland's 110 and 12356 reach no one: the region's emergency number and
        first crisis line (crisis.yaml, hotlines) take their place among the channels and in the steps (110 only in
        Hong Kong and Macau, 999; Taiwan's police are 110 too). Abroad, the same with the country's number and its
        own line or the one dialled from abroad (walk 65: Kuala Lumpur was told to call 110)."""
        abroad = region.startswith(ABROAD)
        if region not in ("hk", "mo", "tw") and not abroad:
            return {}
        lines = self.risk.lines(region)
        emergency = next(line for line in lines if line.key == "emergency")
        swap = {LOCAL_POLICE: emergency, LOCAL_HOTLINE: next(line for line in lines if line.key != "emergency")}
        channels = tuple(replace(c, name=swap[c.key].name, contact=swap[c.key].contact, checked=swap[c.key].checked,
                                 name_en=swap[c.key].name_en, contact_en=swap[c.key].contact_en) if c.key in swap else c
                         for c in reply.channels)
        # (not a step about the mainland itself: "对方在内地骚扰你或家人：在内地打110", for a debt owed in Macau)
        steps = reply.steps if region == "tw" else tuple(
            step if "内地" in step else re.sub(r"110\s*/\s*120|110", emergency.contact, step) for step in reply.steps)
        # a step naming 12356 ("撥打12356心理援助熱線") names the region's line there (walk 57: Taiwan got 12356)
        hotline = swap[LOCAL_HOTLINE]
        steps = tuple(step.replace("12356", f"{hotline.contact}（{hotline.name}）") for step in steps)
        return {"channels": channels, "steps": steps, "listen": (hotline,)}

    def step_again(self, state: DialogueState, left: bool = False) -> str:
        """After a plan, means or farewell, the first step once more under a later answer ("把农药拿出家门"): a crisis
        line keeps safety open when the person turns to the debt. Each step says whether it is repeated
        (crisis.yaml, again); not once they say they are away from the place or the means (`left`: "我已经下来了")."""
        if left or not state.means or state.helper:
            return ""
        # a plan told for tomorrow ("明天拉货去贵州…跑完这趟就不跑了"), then "没事了 睡了 明早五点发车": the plan, not
        # only "don't be alone tonight"
        if state.means in ("default", "farewell") and "crisis:plan told" in state.shown:
            return self.first_step(state, "plan_told", again=True)
        return self.first_step(state, state.means, again=True)

    def first_step(self, state: DialogueState, means: str, again: bool = False) -> str:
        """The step for the means named; for someone who said they are alone or have no one to call, a place with
        people instead of someone to come and "give it to someone" (crisis.yaml, first_step no_one). From the third
        time on, the entry's question whether it is done (ask), where it has one."""
        if means in ("", "default", "farewell") and "crisis:public" in state.shown:
            means = "public"  # already where there are people (walk 76): to stay there, not to go there
        elif means in ("", "default", "farewell") and ("known:no_one" in state.shown or "known:alone" in state.shown):
            means = "no_one"
        # the same instruction in every reply reads as a machine: twice, then whether it is done
        asked = not again and not (state.show_once(f"first:{means}") or state.show_once(f"first again:{means}"))
        return self.risk.first_step(means, state.language, again=again, asked=asked)

    def not_at_risk(self, base: dict) -> Reply:
        return Reply(mode="small_talk", small_talk="not_at_risk",
                     hotlines=self.base_footer(base), **base)

    @staticmethod
    def pregnancy(triage: Triage, state: DialogueState) -> bool:
        """Pregnant and bleeding or in pain, now or earlier in the conversation until they say they are in care ("我先不去
        医院了 等下班再说", walk 52): the hospital first."""
        if "pregnant" not in state.facts:
            return False
        if triage.pregnancy_sign:
            state.show_once("said:pregnancy sign")
        if "said:pregnancy sign" in state.shown and triage.at_hospital:
            state.shown.remove("said:pregnancy sign")  # "我到医院了 医生说没事"
        return "said:pregnancy sign" in state.shown

    def clarify(self, base: dict, state: DialogueState, condolence: bool = False) -> Reply:
        state.clarify_turn = state.turns
        return Reply(mode="clarify", buttons=self.options(state.language), condolence=condolence, **base)

    def options(self, language: str) -> tuple[Button, ...]:
        """The clarifying question's choices, as buttons."""
        return tuple(Button(o.label_en if language == "en" else o.label, o.send) for o in self.triage.dialogue.options)

    @staticmethod
    def context_weight(triage: Triage, in_conversation: bool, margin: float) -> float:
        """How much of the conversation a message needs, by how well it stands on its own: `margin` is
        its own best passage score above the in-scope threshold."""
        if not in_conversation:
            return 0.0
        if triage.correction:
            return 1.0
        standalone = 0.25 if margin >= 0.1 else 0.5 if margin >= 0 else 1.0
        if not triage.domain:
            return max(standalone, 0.5)  # no words of its own about debt: the conversation says what it is about
        standalone /= 2
        return standalone if triage.follow_up or len(triage.text) <= 20 else standalone / 2

    def loan(self, triage: Triage, state: DialogueState) -> dict:
        """Loan figures put together over the conversation; the rate once complete, else the next question."""
        asked = state.loan.pop("asking", "")
        figures = triage.figures
        # no interest agreed ("当时没说利息…现在他说要按年利率15%"): none is owed for the loan period, so no rate is
        # worked out or set against the caps (walk 81: "所以我要不要给他12%？" got "没超过"); what was repaid still counts
        no_interest = "no_interest" in state.facts
        if (told := stated_rate(triage.text, bare="stated" in state.loan)) is not None:
            state.loan["stated"] = told
        if not figures:
            # "那年化是多少" after the loan was worked out: the rate again, nothing asked twice; a fresh question
            # about debt ("他们打我爸电话合法吗") is not about the loan
            loan = to_loan(state.loan) if triage.rate_asked and not triage.threat else None
            # ("那这个利息合法吗" two messages after the loan, the family's calls between: the loan, walk 78)
            percent = PERCENT.search(triage.text) is not None
            if triage.balance_asked and not triage.threat and (repaid := self.repaid(state.loan)):
                # "那剩下的6000我还要还吗" after "借了1万到手8千，已经还了1万3" (walk 83): the balance on the figures told,
                # not a card's "要还" against the first answer
                return {**repaid, "no_interest": no_interest}
            if no_interest:
                return {}
            if loan is None and (triage.rate_asked or percent) and "stated" in state.loan and not triage.threat:
                # a rate told ("年化24%，这个合法吗", "那24%在不在上限以内"): set against the lines, in one sentence
                # (said once for each rate, unless the message names a rate again)
                if state.show_once(f"stated:{state.loan['stated']}") or percent:
                    return {"stated_rate": float(state.loan["stated"])}
                return {}
            if loan is None or (triage.domain and state.topics[:1] != ["interest_fees"] and not triage.rate_named):
                return {}
            try:
                return {"rate": annual_rate(loan), "rate_again": True}
            except RateInputError:
                return {}
        # "每个月要还九千多" is one figure (its period says how often): a budget told, not yet a loan
        begun = bool(asked or state.loan or len(set(figures) - {"period"}) >= 2)
        state.loan.update(figures)
        # "想跟银行申请分60期", "银行说最多只能分24期": instalments asked for, not a loan told; no money said yet
        begun = begun and any(field in state.loan for field in ("contract", "received", "payment", "fee_rate"))
        if not begun:  # one figure alone ("借了10000") is kept for the next message, nothing asked yet
            return {}
        loan = to_loan(state.loan)
        if loan is None and "court_case" in state.facts:
            return {}  # a summons in hand ("收到传票了 借了2万到手1万6"): the court first, no figure asked for (walk 59)
        if loan is None and (repaid := self.repaid(state.loan)):
            # what was repaid set against what arrived answers "我还欠不欠" without the terms ("借3000到手2100，每次展期交
            # 900，展了五次": walk 79 was asked five times how much was due at the end)
            return {**repaid, "no_interest": no_interest}
        if no_interest:
            return {}
        if loan is None:
            field = missing(state.loan)[0]
            state.loan["asking"] = field
            return {"loan_ask": field}
        try:
            result = annual_rate(loan)
        except RateInputError as exc:
            log.info("loan figures rejected: %s", type(exc).__name__)
            state.loan.clear()
            return {"note": "loan_error"}
        fee_rate = float(state.loan.get("fee_rate", 0.0))
        return {"rate": result, "assumed_received": "received" not in state.loan and not fee_rate,
                "paid": float(state.loan.get("paid", 0.0)), "fee_rate": fee_rate,
                "notional": bool(fee_rate) and not {"contract", "received"} & set(state.loan)}

    @staticmethod
    def repaid(loan: dict) -> dict:
        """What was repaid and what arrived, when both were told: the balance without the loan's terms."""
        paid = float(loan.get("paid", 0.0))
        arrived = float(loan.get("received", loan.get("contract", 0.0)))
        return {"paid": paid, "arrived": arrived} if paid and arrived else {}

    def said(self, text: str, state: DialogueState) -> str:
        """The message with what the person said of themselves earlier ("我是学生", "信用卡"), as the passages'
        and help lines' only_if / unless read it."""
        return " ".join([text, *(self.triage.dialogue.remembered[tag].says for tag in state.facts)])

    def part_asked(self, triage: Triage) -> str:
        word = triage.text.strip().lower().lstrip("/")
        dialogue = self.triage.dialogue
        return word if word in PARTS else PART_WORDS.get(word) or (
            "law" if dialogue.law_asked.search(word) else "more" if dialogue.more_asked.search(word) else "")

    def leaves_flow(self, session: Session, triage: Triage) -> bool:
        """True when a message is clearly not an answer to the tool's question: a question or a story."""
        step = session.flow.current()
        if step is None:
            return False
        try:
            step.parse(triage.message.original)
        except AnswerError:
            return bool(QUESTION.search(triage.text) or len(triage.text) > 12 or triage.domain)
        if step.type == "text":  # a name or a story rarely ends as a question does
            return bool(QUESTION_END.search(triage.text.strip()) and len(triage.text) > 4)
        return False
