"""Read a message once: normalise it, embed it, and decide everything later steps need to know.

The one typed result, Triage, is read by retrieval, composition and rendering; nothing after this
normalises, embeds or pattern-matches the text again.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import yaml

from bot.core.acts import SMALL_TALK, ActRules
from bot.core.articles import Article, crime_article, requested_article
from bot.core.dialogue import DialogueState
from bot.core.embedders import Embedder
from bot.core.loan_words import read_figures
from bot.core.risk import ABROAD, AT_THE_EDGE, CORRECTS, FIRST_PERSON, SEMANTIC, TAKEN_ALONG, THIRD_PERSON, Risk, RiskRules
from bot.core.safety import SafetyRules, Scam
from bot.core.pinyin import PinyinReader
from bot.core.textnorm import Message, normalise
from bot.knowledge.loader import KnowledgeError, load_conditions, with_conditions

LATIN = re.compile(r"[a-z]")
HAN = re.compile(r"[\u3400-\u9fff]")
# a syllable of Hanyu Pinyin without tones: "wo zhen de bu xiang huo le" is Chinese typed in letters, not English
PINYIN = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ang"
                    r"|eng|ing|ong|ia|iao|ian|iang|iong|ua|uo|uai|uan|uang)")
SYLLABLES = re.compile(f"(?:{PINYIN.pattern}){{1,4}}")  # a word typed without spaces: "cuishou", "jintian"
PUNCTUATION = re.compile(r"[^\w\s]+|_", re.UNICODE)
SCRIPT_CHANGE = re.compile(r"(?<=[a-z])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[a-z])")
EMOJI_ONLY = re.compile(r"[^\w]+")  # no letters, digits or Han characters: emoji, punctuation, spaces
TOO_LONG_CHARS = 24  # "字太多" is read only in a message this short ("合同看不懂" in a question is not it)
COVER_CHARS = 60  # small talk and vague openings are read only in messages this short
PIECE_TOKENS = 16  # the longest phrase in those lists, in tokens ("谢谢你还愿意听我说这些" is 11)
ACTS_SETTINGS = ("small_talk", "question", "vague", "off_topic", "max_chars")
TOKENS = re.compile(r"[a-z0-9']+|\s+|.")  # an English word or number, a run of spaces, or one character


def _words(pattern: str) -> re.Pattern[str]:
    """A word list that never matches inside a Latin word ("hi" is not found in "this")."""
    return re.compile(f"(?<![a-z])(?:{pattern})(?![a-z])")


class WordTable:
    """Words and what to read instead (崔收 → 催收), found longest first by one pattern compiled at load."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.pattern = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))) if table else None

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.table[m.group(0)], text) if self.pattern else text

    @classmethod
    def load(cls, path: Path, data: dict, section: str) -> WordTable:
        """A section of `word: replacement` lines; an empty replacement ("") drops the word."""
        table = data.get(section) or {}
        bad = [k for k, v in table.items() if not isinstance(k, str) or not k or not isinstance(v, str)] \
            if isinstance(table, dict) else [section]
        if bad:
            raise KnowledgeError([f"{path}: {section}: entry {bad[0]!r} must be a line `word: replacement` "
                                  "(write \"\" to drop the word)"])
        return cls(dict(table))


@dataclass(frozen=True)
class Option:
    label: str
    label_en: str
    send: str


def crime(words: str, where: str) -> Article:
    """An entry of dialogue.yaml's crimes: "刑法 第二百七十四条" as an Article."""
    law, _, article = str(where).partition(" ")
    if not re.fullmatch(r"第[零一二三四五六七八九十百千]+条(之[一二三四五六七八九十])?", article):
        raise KnowledgeError([f"dialogue.yaml, crimes, {words!r}: {where!r} is not 'law article' such as '刑法 第二百七十四条'; "
                              "write the law's short name, a space, and the article in Chinese numerals"])
    return Article(law, article)


@dataclass(frozen=True)
class Fact:
    """A fact about the person (a student, identity theft), kept as a tag: the words that tell it, what it says to
    the passages' only_if / unless later, and the passage that answers a later question leaning on it ("那这6万我还要
    不要还？" after "有人用我的身份证借了6万": the one on identity theft, not on repaying one's own loan)."""
    words: re.Pattern[str]
    says: str
    answers: str = ""  # a passage id, or none


@dataclass(frozen=True)
class DialogueRules:
    small_talk: dict[str, re.Pattern[str]]  # each kind, plus "filler": words that may surround it
    small_talk_words: re.Pattern[str]  # any of them
    vague: re.Pattern[str]  # the words of a vague opening
    wants_to_ask: re.Pattern[str]  # "你好，想问下": a greeting that says a question follows
    off_topic: re.Pattern[str]  # "顺便问下", "unrelated but": the person says this is about something else
    language_request: dict[str, re.Pattern[str]]  # "en"/"zh": "can you answer in English", "说中文吧"
    language_words: re.Pattern[str]  # those and the words of small talk: all a request for a language may have
    new_question: re.Pattern[str]  # "对了，还有个事": a new question announced, not yet said
    announce_words: re.Pattern[str]  # those and the words of a vague opening: all such a message may have
    going_to: re.Pattern[str]  # "好 我现在就去派出所": what the person will do now, after an answer
    options: tuple[Option, ...]
    follow_up: re.Pattern[str]
    leans_on_context: re.Pattern[str]  # "那我该怎么办", "这合法吗": only the context can answer it
    law_asked: re.Pattern[str]  # "哪条法律说的", "which law says that": the law under the last answer, as reply 1 gives
    more_asked: re.Pattern[str]  # "然后呢", "what next": the last answer's further steps, as reply 2 gives
    correction: re.Pattern[str]
    asked_instead: re.Pattern[str]  # "我没问会不会坐牢，我是问…": what follows is the question
    redirect: re.Pattern[str]  # "不是问这个 我是问起诉是真的假的": the last answer's topic is not the question
    lender: dict[str, re.Pattern[str]]
    threat: re.Pattern[str]  # a threat to the person's safety
    threat_soon: re.Pattern[str]  # "今晚就带人来": a threat to come soon
    collectors_named: re.Pattern[str]  # the collectors named in a threat: not the family
    wants_to_talk: re.Pattern[str]  # "我就是想找个人说说话": company, not an answer about the debt
    service_asked: re.Pattern[str]  # "…想找个心理咨询，有没有免费的渠道": asks where to get help, answered
    hungry: re.Pattern[str]  # "我就是饿，冰箱里只剩两包泡面": in a crisis, to eat something first
    occasion: dict[str, re.Pattern[str]]  # "今天是我生日", "新年快乐": a wish first, once (birthday, new_year)
    wish_asked: re.Pattern[str]  # "你能跟我说一句生日快乐吗": the wish asked for (or given) again
    wont_act: re.Pattern[str]  # "想过，但不会真做": the thought told, and that they won't act on it
    will_tell: re.Pattern[str]  # "我今晚就跟她说": they will tell someone close (of the debt, of how they are)
    told_to_die: re.Pattern[str]  # "我妈说'你怎么不去死'": someone close told them to die: asked directly once
    own_feeling: re.Pattern[str]  # "我现在真觉得自己是多余的": the writer's own feeling, whoever was quoted before
    agrees: re.Pattern[str]  # "我觉得她说得对": the writer agrees with cruel words said to them (walk 80)
    no_advice: re.Pattern[str]  # "我不需要建议", "你怎么还是给我列一二三": company, without steps
    retaliation: re.Pattern[str]  # the person speaks of hurting the collector
    on_the_way: re.Pattern[str]  # "我已经在路上了": after words of going after them, on the way there
    frustrated: re.Pattern[str]  # "你说的都是废话": the last answer did not help
    bereaved: re.Pattern[str]  # someone close has died: condolences before the answer
    paying: re.Pattern[str]  # money paid or asked for (定金, 服务费, 要回来): after signs of a fraud, about the fraud
    danger: re.Pattern[str]  # danger to the person here and now (在门口, 砸门, 拿着刀): 110 first
    found: re.Pattern[str]  # a helper's "找到他了": the one at risk is found
    holding: re.Pattern[str]  # a helper's "我现在抱着他": ta is with them now
    third_party: re.Pattern[str]  # "要打电话给我老公": collectors contact, or say they will contact, the family
    danger_car: re.Pattern[str]  # in danger in a car or on the road: stay in it, doors locked
    danger_street: re.Pattern[str]  # followed in the street: not home, to where there are people
    danger_work: re.Pattern[str]  # at work: upstairs with colleagues, security at the door, not down alone
    danger_still: re.Pattern[str]  # right after a danger reply, "还在拍 我好怕": the danger goes on
    danger_over: re.Pattern[str]  # right after a danger reply, "他们走了", "警察到了": it is over
    side_effect: re.Pattern[str]  # "手在抖 不知道是药的副作用": today to the doctor who prescribed it
    symptom: re.Pattern[str]  # "胃有点难受" after pills taken: the pills at work, the hospital now
    pregnancy_sign: re.Pattern[str]  # "见红", "肚子疼" from someone pregnant: the hospital first
    police_worry: re.Pattern[str]  # "不敢报警怕把事情闹大": calling 110 about the door is not about the debt
    low_battery: re.Pattern[str]  # "手机也快没电了" in a crisis: call now, while it still can
    insurance: re.Pattern[str]  # an insurance payout counted on ("意外险 两百万 受益人是我老婆")
    accident_cover: re.Pattern[str]  # accident cover, which excludes suicide (a life policy pays after two years)
    recharged: re.Pattern[str]  # "充上电了" after going quiet in a crisis: welcomed back, and asked how they are now
    cant_hear: re.Pattern[str]  # "我是聋人", "打不了电话": the ways to reach help by text first
    driving: re.Pattern[str]  # "我现在开车去水库找他": a helper at the wheel, told not to type while driving
    cry_for_help: re.Pattern[str]  # only "救命": safety first, then what happened
    silent: re.Pattern[str]  # "我躲在厕所 不敢打电话", "他会听见的": they cannot speak to call for help
    police_asked: re.Pattern[str]  # 报警, 110, 警察: what silent reporting answers
    number_asked: re.Pattern[str]  # "打哪个电话": the topic's first channel, even when shown before
    note_read: re.Pattern[str]  # "纸条上写着…": a note someone left, read out by the one helping
    child_alone: re.Pattern[str]  # "孩子在家 才5岁 一个人": a child left alone while the helper searches
    locked_in: re.Pattern[str]  # "门是反锁的 里面没声音了": the one at risk shut in a room nearby
    debt_talk: re.Pattern[str]  # "说说催收的事吧": asks to talk about the debt
    bare_mm: re.Pattern[str]  # "嗯" alone: neither yes nor no to a question of two parts
    police_first: re.Pattern[str]  # "我该先报警还是先回家？": a helper torn between two things
    plainer: re.Pattern[str]  # "能不能说简单点", "字太小看不清": a request for fewer, plainer words
    police_script: re.Pattern[str]  # "报警的时候要说什么": the words for the call
    tell_someone: re.Pattern[str]  # a helper's "我可以跟外婆打电话吗": yes, now, and ask them to come
    letter_request: re.Pattern[str]  # "帮我写一封投诉信": the letter tool, without the command
    self_harm_answer: dict[str, re.Pattern[str]]  # "yes" / "no" / "past_no" to "你有没有想过伤害自己？"
    better: re.Pattern[str]  # "我现在好一点了", "我不会做傻事的": after a crisis reply, they say they are safer
    took_back: re.Pattern[str]  # "刚才开玩笑的", "说的是气话": what they said was not meant
    still_hurting: re.Pattern[str]  # "刚才就是气话，但我真的很绝望": the words taken back, the pain not
    reached_out: re.Pattern[str]  # "我打了 那边的人挺好的": they called a hotline or talked to someone
    withdraw: re.Pattern[str]  # "算了 不说了": after the bot asked about self-harm, they pull back
    stop_asking: re.Pattern[str]  # "别问了", "说了别问": after the bot asked whether they are safe
    why_asked: re.Pattern[str]  # "你问这个干嘛": before answering whether they thought of hurting themselves
    no_call: re.Pattern[str]  # "我不想打电话", "可以发消息吗": after a crisis reply, calling is not what they can do
    not_safe: re.Pattern[str]  # "不安全", "not really safe": the answer to "你现在安全吗？"
    safe_now: re.Pattern[str]  # "安全吧", "安全 我都说了在庙里": that answer given, so it is not asked again
    stepped_back: re.Pattern[str]  # "没跳", "没吃": with words of having left, a near miss told after it
    plan_when: re.Pattern[str]  # "打算周末 爸妈来看我之前": the day of a plan, told in a crisis
    plan_when_safe: re.Pattern[str]  # "打算周末回家跟爸妈说": a day for something that helps, not for the plan
    family_shame: re.Pattern[str]  # "我不想他们知道我欠钱 他们会很失望": the family's disappointment feared
    denied_unasked: re.Pattern[str]  # "你别误会 我没想不开": a denial no one asked for
    letter_kept: re.Pattern[str]  # "那封信我还没想好要不要撕": a farewell letter, whether to keep it
    plan_later: re.Pattern[str]  # "周六", "明天发工资": the day a plan is for, not now
    at_edge_now: re.Pattern[str]  # "我现在在楼顶", "站在桥上": at the height already
    unsure: re.Pattern[str]  # "我不知道", "not sure": the same answer, unsure; taken as not safe (walk 60)
    alone: re.Pattern[str]  # "没有人", "就我一个人": the answer to "身边有人吗？"
    going_home: re.Pattern[str]  # "有点冷，我想回家了" after stepping back from the river: the way home
    public: re.Pattern[str]  # "在楼下的麦当劳坐着，人挺多的": already where there are people
    bare_no: re.Pattern[str]  # only "没有" to "你身边现在有人吗？" when that was all that was asked: alone
    nothing_wrong: re.Pattern[str]  # "我没事。我就想知道…": a debt question in a crisis is answered, not met with who can come
    where: re.Pattern[str]  # "我在宿舍", "还在江边": where they are (not asked again)
    with_someone: re.Pattern[str]  # "我妈在旁边": someone is with them
    with_child: re.Pattern[str]  # "就我跟女儿，她才六岁睡了": only a young child (the question is answered)
    not_debt: re.Pattern[str]  # "跟钱没关系，是我男朋友跟我分手了": the pain is not about the debt
    no_one: re.Pattern[str]  # "没有朋友", "家里人都不理我": no one to call (not told to call family or friends)
    settled: re.Pattern[str]  # "我就放心了", "我知道该怎么做了": in a crisis, the calm of a decision
    police_fear: re.Pattern[str]  # "让警察来抓我吗": in a crisis, afraid the police would come for the debt
    no_use: re.Pattern[str]  # "你又不能帮我还钱 说这些有什么用": in a crisis, what good is talking
    dont_tell: re.Pattern[str]  # "不要告诉我爸妈 求你了": at risk, asking the bot to keep it from the family
    cant_read: re.Pattern[str]  # "我眼睛看不清字太小了", "那个电话我不会打": in a crisis, the call made simple
    help_coming: re.Pattern[str]  # "我打了120 他们说马上来", "救护车到了": after pills taken, help is on its way
    in_care: re.Pattern[str]  # "到医院了", "洗了胃": after pills taken, they are in care
    has_means: re.Pattern[str]  # "有", "买了": the answer to "手边有没有药、刀这些东西？"
    left: re.Pattern[str]  # "我已经下来了", "炭扔了", "我把药给她保管": away from the place or the means now
    past_attempt: re.Pattern[str]  # "上周我吃药自杀，被抢救回来了": an attempt before, not one happening now
    past_now: re.Pattern[str]  # "今晚", "又攒了": the same message says it is happening again now
    past_said: re.Pattern[str]  # "不是现在 是上个月的事": the pills taken were an attempt before, not now
    thoughts: re.Pattern[str]  # "会冒出…的念头": a thought that comes, told as such
    no_plan_said: re.Pattern[str]  # "但我没有计划": no plan, in so many words
    no_plan_how: re.Pattern[str]  # "没想过怎么做": no plan of how, said after their own words of ending it
    about_me: re.Pattern[str]  # "我说的是我自己": helping no one, it is the writer's own crisis
    reason_to_live: re.Pattern[str]  # "我舍不得她", "我不能让我妈再失去一个孩子": someone they would leave behind
    afraid_to_die: re.Pattern[str]  # "我不想活了，但又怕死": the part of them that wants to live
    way_out: re.Pattern[str]  # "跳下去就不用还了": death as the way out of the debt
    arrived: re.Pattern[str]  # "表姐到了，在门口敲门": someone who can be with them has come
    at_door: re.Pattern[str]  # "在门口敲门": they are at the door (to open it), not already with them
    hotline_question: re.Pattern[str]  # "12356是啥 要钱吗": a question about the line itself
    hotline_language: re.Pattern[str]  # "12356 他们会说维吾尔语吗 我汉语说不好": the language the line speaks (walk 69)
    doctor_question: re.Pattern[str]  # "这种事能跟产科医生说吗": whether to tell a doctor (walk 69)
    police_wait: re.Pattern[str]  # "警察说一个多小时不算失踪，让我再等等": the police would not look yet (walk 69)
    ta_near: re.Pattern[str]  # "他回来了 在楼下车里坐着": the one helped is close by, within reach (walk 69)
    go_to_ta: re.Pattern[str]  # "我要下去吗": whether to go to ta, once ta is close by (walk 69)
    words_for_someone: re.Pattern[str]  # "帮我写一句给妹妹的话": the words to reach someone close (walk 69)
    hotline_fear: re.Pattern[str]  # "打12356会不会被报警抓起来": fear of the police, family or a record (walk 62)
    not_answering: re.Pattern[str]  # "打了二十几个电话都不接": helping, ta still can't be reached (walk 62)
    while_missing: re.Pattern[str]  # "要不要先还钱", "老师说去宿舍找": the money or others' search while ta is missing
    family_would_know: re.Pattern[str]  # "我爸妈会知道的": why not to call 120 after pills (walk 62)
    ambulance_cost: re.Pattern[str]  # "不想打120 太贵了": why not to call 120 after pills (walk 65)
    not_suicidal: re.Pattern[str]  # "我不是想死，就是想让自己疼一下": after hurting themselves, no wish to die said
    healed: re.Pattern[str]  # "没在流血 都是前几天划的 结痂了": cuts from before, not a wound to press now
    not_me: re.Pattern[str]  # "不是我，是我老婆": the one at risk is someone else, after a reply to the writer's own
    jail: re.Pattern[str]  # "我会坐牢吗" in a crisis: the fear answered first
    family_calling: re.Pattern[str]  # "我妈刚打电话来，我没接": a line to someone, to take up
    method: re.Pattern[str]  # "我就问有没有不痛的方法": asking for a way to die, again
    safe_plan: re.Pattern[str]  # "我可以回我妈那睡一晚": their own plan for tonight
    helper_done: re.Pattern[str]  # "我也打了110，现在就是等": a helper has done what they can
    helper_doctor: re.Pattern[str]  # "要不要带她去医院 挂什么科": a helper asks where ta can be seen (walk 73)
    in_car: re.Pattern[str]  # "在车里 停在高速服务区": in a car, stopped or not (walk 73)
    simplified: re.Pattern[str]  # "你打繁体字我睇得好辛苦": replies in simplified characters, please (walk 73)
    with_them: re.Pattern[str]  # "我想过带着她一起走": taking a child along, said with a pronoun
    going_back: re.Pattern[str]  # "没事了 我就上去抽根烟": going (back) to the high place or the water
    indoors: re.Pattern[str]  # "我现在在宿舍床上": inside, not at an edge
    far_police: re.Pattern[str]  # "打110成都那边会管吗": a helper in another city asks how police there are reached
    leads: re.Pattern[str]  # "他喜欢开车去江边大桥", "我有邻居的电话": where ta may be, who is near ta
    worried: re.Pattern[str]  # "我还是不放心 怎么办": a helper's worry for ta, not a question about the debt
    open_door: re.Pattern[str]  # "我要不要把门踹开": a helper at a locked door, asking whether to get in
    dear_names: dict[str, str]  # 我妈 -> 妈妈: who they would leave behind, as the reply names them
    keep: re.Pattern[str]  # "我不想扔，那是我最后的退路": the means named are kept
    put_away: re.Pattern[str]  # "那这药咋整": what to do with the means named
    undecided: re.Pattern[str]  # "没想好": to "是不是在想什么时候、怎么…", not decided is not a no
    call_question: re.Pattern[str]  # "要打120吗": a helper asking whether to call
    ambulance: re.Pattern[str]  # "老乡打了120": for a helper, ta is being cared for
    away: re.Pattern[str]  # "我在高铁上": a helper who is not where ta is
    calls_someone: re.Pattern[str]  # "好 我给我妹打电话": reaching out, unless still at the place or with the means
    no_plan: re.Pattern[str]  # "没有", "没准备": the same question answered no
    dismiss: re.Pattern[str]  # "没事啦", "ok" alone right after a crisis reply: not an all-clear
    question: re.Pattern[str]  # a question ("我该不该点", "真的假的吗"): small talk by meaning only when sure
    # "唔知點算", "不知道怎么办" beside despair: helplessness said, not a question asking for steps (walk 55)
    helpless: re.Pattern[str]
    joked_now: re.Pattern[str]  # a line of despair taken back at its very end ("…开玩笑的"): asked once, gently
    yes_no: re.Pattern[str]  # "他们能这样吗", "会坐牢吗": the reading answers it, even on a topic already read
    rate_question: re.Pattern[str]  # "那年化是多少": after a loan was worked out, its rate again
    balance_question: re.Pattern[str]  # "那剩下的6000我还要还吗": after what arrived and what was repaid, the balance again
    too_long: re.Pattern[str]  # "字太多 看不懂": fewer words from now on
    unseen: re.Pattern[str]  # "有没有人会问一句 你自己还好吗": asked how they are, before the debt
    come_back: re.Pattern[str]  # "明天我还能来找你吗", "你会记得我吗": the lonely asking whether they may return
    where_were_we: re.Pattern[str]  # "刚才说到哪了": what the conversation was about, in a line
    back_better: re.Pattern[str]  # "昨天晚上我在这里说了想死，今天好点了": back the next day, better
    report_fear: re.Pattern[str]  # "你不会报警吧": whether the bot would call the police on them
    drunk: re.Pattern[str]  # "喝了很多酒": the one found has been drinking: on the side, no more, 120 if unwakeable
    helper_fear: re.Pattern[str]  # "会不会让他更恨我": a helper afraid ta will hate them for calling for help
    privacy_asked: re.Pattern[str]  # "你会不会保存我的聊天记录": what the bot keeps, asked of the bot itself
    crimes: tuple[tuple[re.Pattern[str], Article], ...]  # a crime's name and the article that defines it
    not_heard: re.Pattern[str]  # "你根本没在听我说话", "我说了两遍了": an apology first
    remembered: dict[str, Fact]  # a fact about the person (student), by its tag
    spelling: WordTable  # common misspellings (崔收) and dialect words (阿拉, 𠊎) and what they mean (催收, 我)
    cantonese: WordTable  # written Cantonese words (佢哋) and their Mandarin (他们)
    emoji: WordTable  # what a message of emoji alone means (👍 好的)
    acts: dict[str, float]  # when the classifier of kinds is believed (ACTS_SETTINGS)

    def company_only(self, text: str, situation: dict[str, bool], domain: bool) -> bool:
        """"我老婆在旁边 她知道我欠钱的事" (walk 65): someone there is all that makes it sound better, and the rest is about
        the debt: it answers "身边有人吗？", not a question about a spouse's share ("我妈在旁边陪着 我没事" is better)."""
        return situation["with_someone"] and domain and not self.better.search(self.with_someone.sub(" ", text))

    def answer_kind(self, bare: str) -> str:
        """'yes', 'no' or 'past_no' ("以前有过 现在没有了") when the whole message is one, else ''."""
        return next((kind for kind in ("yes", "no", "past_no") if self.self_harm_answer[kind].search(bare)), "")

    def yes_or_no(self, bare: str) -> str:
        """'yes' or 'no' when the whole message is one (嗯, 有, 没有, no), else ''."""
        kind = self.answer_kind(bare)
        return "no" if kind == "past_no" else kind

    def correct(self, text: str) -> str:
        """The text with common misspellings and dialect words put right, so every later reading sees the intended word; a
        message of emoji alone (👍, 😭) is read as the words they stand for."""
        text = self.spelling(text)
        return self.emoji(text) if EMOJI_ONLY.fullmatch(text) else text

    def mandarin(self, text: str) -> str:
        """Written Cantonese put into Mandarin words for the readings that know only Mandarin (retrieval,
        topics, follow-ups). The crisis lexicon and classifier read the words as written."""
        return self.cantonese(text)

    def small_talk_kind(self, bare: str) -> str:
        """The kind of small talk when the message is nothing but small talk, else ''."""
        kinds = [kind for kind in SMALL_TALK if self.small_talk[kind].search(bare)]
        return kinds[0] if kinds and self.covered(bare, self.small_talk_words) else ""

    def is_vague(self, bare: str) -> bool:
        """True when the message is nothing but the words of a vague opening."""
        return self.covered(bare, self.vague)

    def announces(self, bare: str) -> bool:
        """True for "诶 还有个", "那我问你个事": a new question announced and nothing said of it yet."""
        return bool(self.new_question.search(bare)) and self.covered(bare, self.announce_words)

    def going(self, text: str) -> bool:
        """True for "行 我今晚跟她说": what they will now do, asking nothing; not what was done ("我去了…")."""
        found = self.going_to.search(text)
        # ("好，我明天跟她说。她没签字应该就没事吧" asks, walk 80)
        return bool(found) and not (self.question.search(text) or self.yes_no.search(text)) and (
            "了" not in text[found.end():])

    @staticmethod
    def covered(bare: str, words: re.Pattern[str]) -> bool:
        """True when `bare` can be cut into pieces that are each one of `words` (spaces between them).
        Every cut is tried ("求助" as 求助, not 求 + 助), whatever the order of the list, without the
        exponential backtracking of one big regular expression. Short texts only: a long message is
        never small talk or a vague opening."""
        if len(bare) > COVER_CHARS:
            return False
        tokens = TOKENS.findall(bare)
        reached = [True] + [False] * len(tokens)
        for start, token in enumerate(tokens):
            if not reached[start]:
                continue
            if token.isspace():
                reached[start + 1] = True
                continue
            for end in range(start + 1, min(len(tokens), start + PIECE_TOKENS) + 1):
                if words.fullmatch("".join(tokens[start:end])):
                    reached[end] = True
        return reached[-1]

    @classmethod
    def load(cls, path: Path) -> "DialogueRules":
        problems: list[str] = []
        conditions = load_conditions(path.parent, problems)  # remembered words may name them, like only_if does
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

            def answers(kind: str) -> re.Pattern[str]:
                """A list of self_harm_answer: the words said to the bot's questions in a crisis."""
                return re.compile(data["self_harm_answer"][f"{kind}_words"])

            rules = cls(
                small_talk={kind: _words(data["small_talk"][kind]) for kind in (*SMALL_TALK, "filler")},
                small_talk_words=_words("|".join(f"(?:{data['small_talk'][k]})" for k in (*SMALL_TALK, "filler"))),
                vague=_words(data["vague_words"]),
                wants_to_ask=re.compile(data["wants_to_ask"]),
                off_topic=re.compile(data["off_topic"]),
                language_request={lang: _words(data["language_request"][lang]) for lang in ("en", "zh")},
                language_words=_words("|".join(f"(?:{words})" for words in (
                    data["language_request"]["en"], data["language_request"]["zh"], data["language_request"]["filler"],
                    *(data["small_talk"][k] for k in (*SMALL_TALK, "filler"))))),
                new_question=re.compile(data["new_question"]),
                announce_words=_words(f"(?:{data['new_question']})|(?:{data['vague_words']})"),
                going_to=re.compile(data["going_to"]),
                options=tuple(Option(o["label"], o["label_en"], o["send"]) for o in data["clarify_options"]),
                follow_up=re.compile(data["follow_up"]),
                leans_on_context=re.compile(data["leans_on_context"]),
                law_asked=re.compile(data["law_asked"]),
                more_asked=re.compile(data["more_asked"]),
                correction=re.compile(data["correction"]),
                asked_instead=re.compile(data["asked_instead"]),
                redirect=re.compile(data["redirect"]),
                lender={kind: re.compile(data["lender"][kind]) for kind in ("licensed", "private")},
                threat=re.compile(data["threat"]),
                threat_soon=re.compile(data["threat_soon"]),
                collectors_named=re.compile(data["collectors_named"]),
                wants_to_talk=re.compile(data["wants_to_talk"]),
                service_asked=re.compile(data["service_asked"]),
                no_advice=re.compile(data["no_advice"]),
                agrees=re.compile(data["agrees"]),
                own_feeling=re.compile(data["own_feeling"]),
                told_to_die=re.compile(data["told_to_die"]),
                will_tell=re.compile(data["will_tell"]),
                wont_act=re.compile(data["wont_act"]),
                hungry=re.compile(data["hungry"]),
                occasion={kind: re.compile(data["occasion"][kind]) for kind in ("birthday", "new_year")},
                wish_asked=re.compile(data["wish_asked"]),
                retaliation=re.compile(data["retaliation"]),
                on_the_way=re.compile(data["on_the_way"]),
                frustrated=re.compile(data["frustrated"]),
                bereaved=re.compile(data["bereaved"]),
                paying=re.compile(data["paying"]),
                danger=re.compile(data["danger"]),
                found=re.compile(data["found"]),
                holding=re.compile(data["holding"]),
                third_party=re.compile(data["third_party"]),
                danger_car=re.compile(data["danger_car"]),
                danger_street=re.compile(data["danger_street"]),
                danger_work=re.compile(data["danger_work"]),
                danger_still=re.compile(data["danger_still"]),
                danger_over=re.compile(data["danger_over"]),
                # the medicine named within twenty characters of a sign of the body, either way round
                side_effect=re.compile(rf"({data['side_effect']})[^.!?\n]{{0,20}}({data['symptom']})|"
                                       rf"({data['symptom']})[^.!?\n]{{0,20}}({data['side_effect']})"),
                symptom=re.compile(data["symptom"]),
                pregnancy_sign=re.compile(data["pregnancy_sign"]),
                police_worry=re.compile(data["police_worry"]),
                low_battery=re.compile(data["low_battery"]),
                insurance=re.compile(data["insurance"]),
                accident_cover=re.compile(data["accident_cover"]),
                recharged=re.compile(data["recharged"]),
                cant_hear=re.compile(data["cant_hear"]),
                driving=re.compile(data["driving"]),
                cry_for_help=re.compile(data["cry_for_help"]),
                silent=re.compile(data["silent"]),
                police_asked=re.compile(data["police_asked"]),
                number_asked=re.compile(data["number_asked"]),
                note_read=re.compile(data["note_read"]),
                child_alone=re.compile(data["child_alone"]),
                locked_in=re.compile(data["locked_in"]),
                debt_talk=re.compile(data["debt_talk"]),
                bare_mm=re.compile(data["bare_mm"]),
                police_first=re.compile(data["police_first"]),
                plainer=re.compile(data["plainer"]),
                police_script=re.compile(data["police_script"]),
                tell_someone=re.compile(data["tell_someone"]),
                letter_request=re.compile(data["letter_request"]),
                self_harm_answer={k: answers(k) for k in ("yes", "no", "past_no")},
                better=answers("better"),
                took_back=answers("took_back"),
                still_hurting=answers("still_hurting"),
                reached_out=answers("reached_out"),
                withdraw=answers("withdraw"),
                stop_asking=answers("stop_asking"),
                why_asked=answers("why_asked"),
                no_call=answers("no_call"),
                not_safe=answers("not_safe"),
                safe_now=answers("safe_now"),
                stepped_back=answers("stepped_back"),
                plan_when=answers("plan_when"),
                plan_when_safe=answers("plan_when_safe"),
                family_shame=answers("family_shame"),
                denied_unasked=answers("denied_unasked"),
                letter_kept=answers("letter_kept"),
                plan_later=answers("plan_later"),
                at_edge_now=answers("at_edge_now"),
                unsure=answers("unsure"),
                alone=answers("alone"),
                going_home=answers("going_home"),
                public=answers("public"),
                bare_no=answers("bare_no"),
                nothing_wrong=answers("nothing_wrong"),
                where=answers("where"),
                with_someone=answers("with_someone"),
                with_child=answers("with_child"),
                not_debt=answers("not_debt"),
                no_one=answers("no_one"),
                settled=answers("settled"),
                police_fear=answers("police_fear"),
                no_use=answers("no_use"),
                dont_tell=answers("dont_tell"),
                cant_read=answers("cant_read"),
                help_coming=answers("help_coming"),
                in_care=answers("in_care"),
                has_means=answers("has_means"),
                left=answers("left"),
                past_attempt=answers("past_attempt"),
                past_now=answers("past_now"),
                past_said=answers("past_said"),
                thoughts=answers("thoughts"),
                # ("没想过怎么做" is one way of saying no plan: written once, in no_plan_how)
                no_plan_said=re.compile(f"{answers('no_plan_said').pattern}|{answers('no_plan_how').pattern}"),
                no_plan_how=answers("no_plan_how"),
                about_me=answers("about_me"),
                reason_to_live=answers("reason_to_live"),
                afraid_to_die=answers("afraid_to_die"),
                way_out=answers("way_out"),
                arrived=answers("arrived"),
                at_door=answers("at_door"),
                hotline_question=answers("hotline_question"),
                hotline_language=answers("hotline_language"),
                doctor_question=answers("doctor_question"),
                police_wait=answers("police_wait"),
                ta_near=answers("ta_near"),
                go_to_ta=answers("go_to_ta"),
                words_for_someone=answers("words_for_someone"),
                hotline_fear=answers("hotline_fear"),
                not_answering=answers("not_answering"),
                while_missing=answers("while_missing"),
                family_would_know=answers("family_would_know"),
                ambulance_cost=answers("ambulance_cost"),
                not_suicidal=answers("not_suicidal"),
                healed=answers("healed"),
                not_me=answers("not_me"),
                jail=answers("jail"),
                family_calling=answers("family_calling"),
                method=answers("method"),
                safe_plan=answers("safe_plan"),
                helper_done=answers("helper_done"),
                helper_doctor=answers("helper_doctor"),
                in_car=answers("in_car"),
                simplified=answers("simplified"),
                with_them=answers("with_them"),
                going_back=answers("going_back"),
                indoors=answers("indoors"),
                far_police=answers("far_police"),
                leads=answers("leads"),
                worried=answers("worried"),
                open_door=answers("open_door"),
                dear_names={str(k): str(v) for k, v in data["self_harm_answer"]["dear_names"].items()},
                keep=answers("keep"),
                put_away=answers("put_away"),
                undecided=answers("undecided"),
                call_question=answers("call_question"),
                ambulance=answers("ambulance"),
                away=answers("away"),
                calls_someone=answers("calls_someone"),
                no_plan=answers("no_plan"),
                dismiss=answers("dismiss"),
                question=re.compile(data["question"]),
                helpless=re.compile(data["helpless"]),
                joked_now=re.compile(data["joked_now"]),
                yes_no=re.compile(data["yes_no_question"]),
                rate_question=re.compile(data["rate_question"]),
                balance_question=re.compile(data["balance_question"]),
                too_long=re.compile(data["too_long"]),
                not_heard=re.compile(data["not_heard"]),
                unseen=re.compile(data["unseen"]),
                come_back=re.compile(data["come_back"]),
                where_were_we=re.compile(data["where_were_we"]),
                back_better=re.compile(data["back_better"]),
                report_fear=re.compile(data["report_fear"]),
                drunk=re.compile(data["drunk"]),
                helper_fear=re.compile(data["helper_fear"]),
                privacy_asked=re.compile(data["privacy_asked"]),
                crimes=tuple((re.compile(words), crime(words, where)) for words, where in data["crimes"].items()),
                remembered={tag: Fact(re.compile(with_conditions(
                                          fact["words"], conditions, f"{path}: remembered '{tag}' field 'words'",
                                          problems)),
                                      str(fact["says"]), str(fact.get("answers") or ""))
                            for tag, fact in data["remembered"].items()},
                spelling=WordTable.load(path, data, "spelling"),
                cantonese=WordTable.load(path, data, "cantonese"),
                emoji=WordTable.load(path, data, "emoji"),
                acts={k: float(data["acts"][k]) for k in ACTS_SETTINGS},
            )
        except (KeyError, TypeError, re.error, yaml.YAMLError) as exc:
            raise KnowledgeError([f"{path}: {type(exc).__name__}: {exc}; every section is needed: small_talk "
                                  f"({', '.join(SMALL_TALK)}, filler), vague_words, wants_to_ask, off_topic, language_request (en, zh, filler), "
                                  "new_question, going_to, clarify_options (label, label_en, send), "
                                  "follow_up, leans_on_context, law_asked, more_asked, question, yes_no_question, rate_question, balance_question, too_long, not_heard, unseen, come_back, where_were_we, back_better, report_fear, privacy_asked, drunk, helper_fear, crimes (name: law and article), remembered (words, says, answers), correction, asked_instead, redirect, "
                                  "lender (licensed, private), threat, threat_soon, wants_to_talk, service_asked, no_advice, agrees, own_feeling, told_to_die, will_tell, wont_act, hungry, occasion (birthday, new_year), wish_asked, retaliation, on_the_way, frustrated, bereaved, "
                                  "paying, danger, found, holding, third_party, danger_car, danger_street, danger_work, danger_still, danger_over, side_effect, symptom, pregnancy_sign, low_battery, recharged, insurance, accident_cover, cant_hear, driving, police_worry, cry_for_help, silent, police_asked, number_asked, note_read, child_alone, locked_in, debt_talk, bare_mm, police_first, police_script, tell_someone, plainer, collectors_named, letter_request, self_harm_answer (yes_words, no_words, past_no_words, better_words, took_back_words, "
                                  "reached_out_words, withdraw_words, still_hurting_words, stop_asking_words, why_asked_words, no_call_words, not_safe_words, safe_now_words, stepped_back_words, plan_when_words, plan_when_safe_words, family_shame_words, denied_unasked_words, letter_kept_words, plan_later_words, at_edge_now_words, unsure_words, alone_words, going_home_words, public_words, bare_no_words, nothing_wrong_words, where_words, "
                                  "with_someone_words, with_child_words, not_debt_words, no_one_words, settled_words, police_fear_words, no_use_words, dont_tell_words, cant_read_words, help_coming_words, in_care_words, "
                                  "has_means_words, left_words, past_attempt_words, past_now_words, past_said_words, thoughts_words, no_plan_said_words, no_plan_how_words, about_me_words, reason_to_live_words, afraid_to_die_words, way_out_words, arrived_words, at_door_words, hotline_question_words, hotline_language_words, doctor_question_words, police_wait_words, ta_near_words, go_to_ta_words, words_for_someone_words, hotline_fear_words, not_answering_words, while_missing_words, family_would_know_words, ambulance_cost_words, not_suicidal_words, healed_words, not_me_words, jail_words, family_calling_words, method_words, safe_plan_words, helper_done_words, helper_doctor_words, in_car_words, simplified_words, with_them_words, going_back_words, indoors_words, far_police_words, leads_words, worried_words, open_door_words, dear_names, keep_words, put_away_words, undecided_words, call_question_words, ambulance_words, away_words, calls_someone_words, "
                                  "no_plan_words, dismiss_words), "
                                  "acts (small_talk, question, vague, off_topic, max_chars)"]) from exc
        if problems:
            raise KnowledgeError(problems)
        return rules


@dataclass(frozen=True)
class Triage:
    message: Message
    language: str  # zh | en
    script: str  # simplified | tw | hk: the script of the reply
    region: str  # '' | mainland | hk | tw | mo | abroad[:country]: where the person said they are (hotlines)
    left: bool  # "我已经下来了", "炭我扔到楼下了": away from the place or the means; the first step is not said again
    indoors: bool  # "我在家呢 什么边上": inside; a high place named earlier is not where they are
    withdrew: bool  # "算了 不说了", "你别管我了" after the question or a crisis reply: not an all-clear, not small talk
    far: bool  # the writer is abroad and the one they write about is at home (mainland, HK, TW): others there call
    away: bool  # "我在高铁上 往回赶": a helper not where ta is; others there open the door
    risk: Risk
    scams: tuple[Scam, ...]
    figures: dict[str, float | str]  # loan figures stated in this message
    lender: str  # licensed | private | unknown, as said in this message
    domain: bool  # on-topic words present
    small_talk: str  # '' or one of SMALL_TALK
    vague: bool  # an opening too vague to answer without a question
    announce: bool  # "对了，还有个事": a new question announced, not yet said
    wants_to_ask: bool  # "有件事想问", "请问一下", or a greeting first ("hi, I'm a student in Shanghai"):
                        # a question is on its way
    act: str  # the classifier's likeliest kind of a short message (greeting … vague, specific, off_topic), else ""
    going: bool  # "好 我现在就去派出所": what they will do now; small talk even with words about debt
    off_topic: bool  # "顺便问下 …", "今天天气怎么样" with no words about debt: read without the conversation
    says_off_topic: bool  # the words say it is about something else ("顺便问下", "btw"), not just the classifier
    follow_up: bool  # leans on the conversation (pronouns, ellipsis, "真的吗")
    leans: bool  # asks only what the conversation gives meaning ("那我该怎么办", "这合法吗"), in a conversation
    correction: bool  # "不是网贷，是信用卡"
    said_instead: str  # what follows the correction ("信用卡"): searched in words without what it takes back
    redirect: bool  # "不是问这个 我是问…": a new question, not the last topic again
    threat: bool  # a threat to the person's safety (上门, 带人过来, 打死 …)
    threat_soon: bool  # "催收说今晚就带人来": the threat is to come soon; safety leads even with words about the debt
    wants_to_talk: bool  # "我不想聊催收，就是想找个人说说话": listened to, not answered with a topic
    retaliation: bool  # "我就去砍了他": the person speaks of hurting the collector
    bereaved: bool  # "我哥上个月走了": someone close has died
    paying: bool  # "我已经转了1000定金了": money paid or asked for
    danger: bool  # "他们现在在我家门口 拿着刀": danger here and now
    found: bool  # helping someone, and ta is found ("我二叔去鱼塘找到他了")
    holding: bool  # helping someone, and ta is with them now ("我现在抱着他")
    third_party: bool  # collectors contact the family or say they will, not asking whether the family must pay
    danger_where: str  # "car", "street" or "work" when the words say where the person is (danger_car, danger_street), else ""
    danger_still: bool  # words that say a danger goes on ("还在拍", "好怕"): read so only right after a danger reply
    danger_over: bool  # words that say a danger is over ("他们走了", "警察到了"): likewise
    side_effect: bool  # unwell on prescribed medicine ("吃碳酸锂 手在抖 想吐"): the doctor today comes first
    symptom: bool  # unwell ("胃有点难受", "头有点晕"): after pills taken, what they do to the body (walk 51)
    pregnancy_sign: bool  # "见红", "肚子一直疼": from someone pregnant (a remembered fact), the hospital first (walk 51)
    police_worry: bool  # afraid calling the police makes it worse ("怕把事情闹大", walk 51)
    low_battery: bool  # the phone is about to die ("手机也快没电了"): in a crisis, call someone while it can
    insurance: str  # an insurance payout in the plan ("我买了意外险 两百万 受益人是我老婆"): "accident" or "other", else ""
    cant_hear: bool  # deaf or unable to call, said now or earlier in the conversation (walk 67)
    driving: bool  # "我现在开车去水库找他": at the wheel; a helper is told to stop before typing or calling
    cry_for_help: bool  # only "救命", "help": what to do if in danger comes before the question
    silent: bool  # in danger or asking how to call the police, and unable to speak: reporting by text message
    number_asked: bool  # "打哪个电话", "what number do i call": the channel that fits, again if need be
    child_alone: bool  # "孩子在家 才5岁 一个人": for a helper, someone to be with the child first
    locked_in: bool  # "把自己反锁在房间里 里面没声音了": for a helper, 120 and 110 and the door opened now
    police_first: bool  # "我该先报警还是先回家？": for a helper, both, the police first
    police_script: bool  # "报警的时候要说什么": for a helper, the words for the call
    wants_letter: bool  # "帮我写一封信给平台": asks for a letter to a lender, a collector or a regulator
    self_harm_answer: str  # "yes" / "no" when the message answers the bot's question about self-harm, else ""
    asked_language: str  # "en" / "zh" when the message asks for replies in that language, else ""
    asks_simplified: bool  # the message asks for simplified characters ("繁体字我睇得好辛苦")
    stop_asking: bool  # after a question about their safety, "别问了": not asked again in this conversation
    safe_now: bool  # "安全吧" in a crisis: "你现在安全吗？" is not asked again before the next answer (walk 73)
    why_asked: bool  # asked whether they thought of hurting themselves, "你问这个干嘛": why it was asked, then asked again
    past_thoughts: bool  # the "no" says there were such thoughts before ("以前有过 现在没有了"): thanked for saying so
    better: bool  # after a crisis reply or the question: they say they are safer now ("我现在好一点了")
    told_fine: bool  # a helper tells what ta said ("我问她她说没事"): ta answers, which is not yet safe
    wont_act: bool  # "想过，但不会真做": thoughts, and that they won't act on them
    agrees: bool  # "我爸说得对": they agree with what someone said of them
    hungry: bool  # "我就是饿", "饭钱都快不够了": hungry or without money for food
    occasion: str  # birthday | new_year | "": a day they name ("今天是我生日"), wished for once
    wish_asked: bool  # "你能跟我说一句生日快乐吗": the wish asked for again
    says_fine: bool  # "我很好，没想伤害自己": they say they are fine or have no such thoughts (not asked again first)
    misread: bool  # a crisis reply the classifier alone raised, which they say misread them ("我没想死啊")
    by_words: bool  # the writer's own words raised risk in this message, not the classifier alone
    worried: bool  # someone else's fear told ("她很怕"): not the writer's distress, never refused or taken as small talk
    helpless: bool  # "唔知點算", "不知道该怎么办": helplessness said, not a question (walk 55)
    took_back: bool  # and that what they said was a joke or said in anger ("我没事 刚才说着玩的")
    reached_out: bool  # and they called a hotline or talked to someone ("我打了 那边的人挺好的")
    secret: bool  # a helper was asked to keep it secret ("我答应她不说的")
    how_to_talk: bool  # a helper asks what to say to ta ("我该跟她说啥 我怕说错话")
    question: bool  # the message asks something (吗, 怎么, ?)
    yes_no: bool  # a question to be answered yes or no ("那他们能这样吗", "is that legal?")
    rate_asked: bool  # "那年化是多少", "is that legal?": about a loan's rate (the one worked out, if any)
    rate_named: bool  # "那这个利息合法吗": the interest named, so about the loan whatever was said in between
    balance_asked: bool  # "那剩下的6000我还要还吗": whether anything is still owed on the loan told
    too_long: bool  # a short message saying the replies have too many words ("字太多 看不懂")
    in_care: bool  # after pills taken, they are at the hospital now ("到医院了 洗了胃")
    at_hospital: bool  # words of being in care, whoever they are ("我到医院了 医生说没事")
    help_called: bool  # helping someone, 120 is called and on its way ("已经叫了120"), not yet at the hospital
    leads: bool  # helping someone, they name where ta may be or who is near ta: told to the police and called now
    article: Article | None  # an article's text asked for by name and number ("刑法第253条之一原文")
    unseen: bool  # no one asks how they are ("大家都只关心钱 没人问过我还好不好")
    come_back: bool  # "明天我还能来找你吗", "你会记得我吗": may they come back (walk 49)
    where_were_we: bool  # "刚才说到哪了", "琴日講到邊" (walk 79)
    back_better: bool  # "昨天晚上我在这里说了想死，今天好点了": back the next day and better (walk 76)
    report_fear: bool  # "你不会报警吧": asked whether the bot would report them (walk 49)
    drunk: bool  # "喝了很多酒" said of the one found (walk 76)
    helper_fear: bool  # "会不会让他更恨我": whether calling for help will make ta hate them (walk 76)
    privacy_asked: bool  # "你会不会录我说的话": asked what the bot keeps and whom it tells (walk 76)
    not_heard: bool  # they say the bot is not listening or repeats itself ("你根本没在听")
    complaint_only: bool  # that complaint, and no other question in the message ("你是复读机吗？同一段话说了三遍")
    helper_done: bool  # helping someone, they have called or told someone and wait ("我也打了110 现在就是等")
    helper_doctor: bool  # helping someone, they ask where ta can be seen ("挂什么科", walk 73)
    police_wait: bool  # helping someone, the police told them to wait ("警察说不算失踪，让我再等等")
    ta_near: bool  # helping someone, ta is close by ("他回来了 在楼下车里坐着 不肯上来")
    go_to_ta: bool  # helping someone, they ask whether to go to ta ("我要下去吗")
    dear: str  # the one they would leave behind, as the reply names them (女儿, 妈妈, 猫), or ""
    facts: tuple[str, ...]  # who the person says they are, as tags (student)
    # what the message says of their situation in a crisis, as tags: where (a place), alone, with_someone, no_one
    known: tuple[str, ...] = ()
    vector: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, dtype=np.float32))

    @property
    def text(self) -> str:
        return self.message.text


# means that can be handed to someone or taken out of the house (crisis.yaml first_step keys)
MEANS_AT_HAND = ("saved", "unlit", "poison", "rope", "blade", "insulin")
# a question put in so many words ("？", "我就是想知道…", "我问的是…"): what someone who says they are fine goes on to ask
ASKS_IN_WORDS = re.compile(r"[?]|想(知道|问)|问的是")
# a claim after a suicide asked about ("他是买了两年多的寿险，自杀能赔吗")
DEATH_CLAIM = re.compile(r"(保险|寿险|保单)[^.!?\n我]{0,20}(自杀|轻生)[^.!?\n]{0,8}(赔|理赔)|(自杀|轻生)[^.!?\n]{0,10}"
                         r"(保险|寿险|保额)[^.!?\n]{0,8}(赔|理赔)|(自杀|轻生)[^.!?\n]{0,4}(能|会|给|还)?(赔|理赔)")
# whether a policy pays after a suicide, asked ("保险法规定两年以后自杀赔不赔")
INSURANCE_ASKED = re.compile(r"(保险|寿险|保单|条款|理赔)|(自杀|轻生)[^.!?\n]{0,6}(赔|理赔)")
ASKS_WHETHER = re.compile(r"要不要|该不该|能不能|可不可以|需不需要|用不用|[吗么][?]?$|[?]|(?<![a-z])(should|shall) i(?![a-z])")


class Triager:
    """Turns raw text plus the conversation so far into a Triage."""

    def __init__(self, embedder: Embedder, safety: SafetyRules, risk: RiskRules, dialogue: DialogueRules,
                 acts: ActRules, pinyin: PinyinReader, laws: tuple[str, ...] = ()) -> None:
        self.embedder, self.safety, self.risk, self.dialogue, self.acts = embedder, safety, risk, dialogue, acts
        self.read_pinyin = pinyin
        self.laws = laws  # the laws the knowledge quotes, short names: where an article asked for is looked up
        semantic = risk.semantic.get(embedder.name, risk.semantic["default"])
        self.semantic = {k: semantic[k] for k in SEMANTIC}

    @staticmethod
    def pinyin(text: str) -> bool:
        """Four or more words, nearly all of them pinyin ("wo zhen de bu xiang huo le", "cuishou tiantian da dianhua");
        English has too many words that are not ("we live in shanghai")."""
        latin = re.findall(r"[a-z]+", text)
        return len(latin) >= 4 and sum(bool(SYLLABLES.fullmatch(w)) for w in latin) >= 0.85 * len(latin)

    @staticmethod
    def few_pinyin(text: str) -> bool:
        """A few words, every one of them pinyin, alone or among characters ("xie xie", "没事了 xie xie ni"): Chinese,
        though too short to read as pinyin; a lone word may be English ("hang")."""
        latin = re.findall(r"[a-z]+", text)
        return bool(latin) and all(SYLLABLES.fullmatch(w) for w in latin) and (len(latin) >= 2 or bool(HAN.search(text)))

    def dear(self, text: str) -> str:
        """Who they would leave behind, as the reply names them (dialogue.yaml, dear_names): the first named."""
        names = self.dialogue.dear_names
        found = [(text.find(word), names[word]) for word in names if word in text]
        return min(found)[1] if found else ""

    def about_someone_close(self, text: str) -> bool:
        """A person near the writer (她, 女儿, 我妈), not the collectors (他们): after a crisis reply, a follow-up
        about them ("她看得懂吗") is about the one they would leave, not about the debt."""
        return bool(self.risk.patterns["person"].search(re.sub(r"[他她]们", " ", text)))

    def overread(self, risk: Risk, state: DialogueState, text: str, domain: bool, talk: bool, fine: bool) -> bool:
        """True when only the classifier raised risk and the message, read with what was said before, is a step back,
        reaching out or a question asked once safe: the writer's own words decide, and they are answered.

        (A first request for company that the classifier reads as a plan is not set aside here: it can be a farewell;
        with no word of death, means or a decision it becomes a check-in, in __call__.) `fine`: they say, in their own
        words, that they are fine or have no such thoughts."""
        if not risk.reason.startswith("semantic"):
            return False
        shown = set(state.shown)
        dialogue = self.dialogue
        if risk.tier == "crisis" and dialogue.left.search(text) and (
                ("said:retaliation" in shown and state.risk == "none") or "crisis:left" in shown):
            # "行 我把刀收起来了 明天他们来我就录像报警" after words of going after the collectors (walk 72): the knife was
            # for them and is put away ("谢谢。我下楼了，在便利店门口。明天我该先做什么" after stepping back from a roof,
            # walk 76: the step away told again, with a question about tomorrow, is no plan)
            return True
        if state.helper:
            return False
        if risk.tier == "crisis" and dialogue.going(text) and dialogue.will_tell.search(text):
            # "好，谢谢。我今晚就跟她说" (to tell his wife of the debt, walk 81 got "请现在就打 110 / 120"): telling someone
            # close is reaching out, not a plan
            return True
        asking = domain or dialogue.yes_no.search(text) or ASKS_IN_WORDS.search(text)
        if risk.tier == "check_in" and asking and fine:
            # "我在医院陪床，孩子睡了。我没事，我就是想知道有没有什么救助可以申请" (walk 84 was asked again whether they had
            # thought of hurting themselves, just after saying yes): fine, in their words, and asking; answered
            return True
        if risk.tier == "check_in" and "said:safe" in shown and talk:
            # asking for company once they have said they are safe ("我在家，挺好的，就是想有人聊天", walk 81 was asked again)
            return True
        # after they said they are safe or stepped away, a question about the debt ("好，我明天跟她说。她没签字应该就没事吧"
        # after the window shut and the drink put down, walk 80, got "请马上打 110 / 120"), a check-in already answered
        # asked again on a question of inheritance (walk 81), the full reply to "好，我明天就这么说。谢谢你今晚陪我，晚安"
        # after the pills were put away with his wife beside him
        return (risk.tier in ("crisis", "check_in") and bool(domain or state.topics)
                and bool({"said:safe", "crisis:left"} & shown)
                and bool(dialogue.yes_no.search(text) or "?" in text or re.search(r"(吗|么|吧)[.!~\s]*$", text)
                         or dialogue.small_talk["bye"].search(text) or dialogue.small_talk["thanks"].search(text)))

    def read_act(self, text: str, bare: str, vector: np.ndarray | None) -> dict[str, float]:
        """The classifier's odds of each kind of a short message (small talk, vague, specific, off-topic); none
        for a long one."""
        if vector is None or len(bare) > self.dialogue.acts["max_chars"]:
            return {}
        return self.acts.read(text, vector)

    def encode_mandarin(self, texts: list[str]) -> np.ndarray:
        """Embeddings of the Mandarin words of texts, as the message's own (the clauses of a long story)."""
        return self.embedder.encode([self.dialogue.mandarin(text) for text in texts])

    def __call__(self, raw: str, state: DialogueState | None = None) -> Triage:
        state = state or DialogueState()
        message = normalise(raw)
        # "wo zai qiao shang": read as the characters it stands for; the crisis lexicon reads the pinyin too (its pinyin
        # lines catch "wo chi le hen duo yao", where the reading may pick 要 for yao)
        typed = message.text.lower() if self.pinyin(message.text.lower()) else ""
        if typed:
            message = replace(message, text=self.read_pinyin(typed))
        written = self.dialogue.correct(message.text)
        # the writer's own words (what others said set aside) and the means they name: read once, when a rule asks
        own_words = functools.cache(lambda: self.risk.own_words(written.lower()))
        own_means = functools.cache(lambda: self.risk.means(own_words()))
        message = replace(message, text=self.dialogue.mandarin(written))
        text = message.text.lower()
        # one embedding, of the Mandarin words (what the passages are written in); the crisis lexicon reads
        # the words as written, Cantonese included
        vector = self.embedder.encode([message.text])[0] if self.safety.has_words(text) else None
        # (or on the way there, after saying so: "我已经在路上了", walk 51; "你别劝我", walk 52)
        going_on = "said:retaliation" in state.shown and self.dialogue.on_the_way.search(text) is not None
        retaliation = going_on or bool(self.dialogue.retaliation.search(text))
        # the knife in "我明天拿刀去找他" is the writer's, not a collector's at the door (walk 50)
        danger = bool(self.dialogue.danger.search(text)) and not retaliation
        threat = danger or bool(self.dialogue.threat.search(text))
        # anger at the collectors ("真想拿刀去砍那个催收的") is read like a threat: the classifier takes it for despair
        # "你别劝我" said of going after them is not said of their life: the risk reads the rest
        read = self.dialogue.on_the_way.sub(" ", written.lower()) if going_on else written.lower()
        risk = self.risk.assess(f"{read}\n{typed}" if typed else read, vector, encode=self.encode_mandarin,
                                threatened=threat or retaliation, armed=retaliation, **self.semantic)
        domain = self.safety.mentions_domain(text)
        # "我就是想找个人说说话" (read once, used below); not when they ask where counselling is
        talk = bool(self.dialogue.wants_to_talk.search(text)) and not self.dialogue.service_asked.search(text)
        # "我没想死", "我没事", "没别的意思": they say they are fine or have no such thoughts (read once, used below)
        says_fine = bool(self.dialogue.not_suicidal.search(text) or self.dialogue.nothing_wrong.search(text))
        # who they say they are, read once (dialogue.yaml, remembered): kept by the conversation, and read by the rules
        # below (a confession of the debt to the family asked for)
        facts = tuple(tag for tag, fact in self.dialogue.remembered.items() if fact.words.search(text))
        confessing = "confessing" in (*state.facts, *facts)
        if self.overread(risk, state, text, domain, talk, says_fine):
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        # a relative who died ("我老公上个月走了，自杀的"), then their policy asked about ("他是买了两年多的寿险，自杀能赔吗",
        # walk 87 p14 got "请马上打 110 / 120"): a claim, not a plan to die for a payout, unless other words say more
        if (risk.tier != "none" and not state.helper and "bereaved" in (*state.facts, *facts)
                and DEATH_CLAIM.search(written.lower()) and not any(
                    self.risk.patterns[kind].search(DEATH_CLAIM.sub(" ", written.lower()))
                    for kind in ("direct", "imminent", "possible"))):
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        # "今天是我生日，一个人在出租屋，没人记得，你能陪我说会儿话吗" (walk 82 got "请马上打 110 / 120"): a first request
        # for company that only the classifier reads as a plan (a birthday is a day named), with no word of death, means
        # or a decision, is asked about once, warmly, and kept company
        if (risk.tier == "crisis" and risk.reason.startswith("semantic") and state.risk == "none" and not state.helper
                and talk and not any(self.risk.patterns[kind].search(own_words())
                                     for kind in ("soft", "means_hint", "decided", "own_death", "possible"))):
            risk = Risk("check_in", "semantic: company", distress=risk.distress, probability=risk.probability)
        # "你能帮我写几句给我爸妈的话吗" after asking how to confess the debt to them (walk 82 got "请马上打 110 / 120" and
        # was offered "我现在状态很不好，有想死的念头"): the words to confess, not a farewell, when nothing else says so
        if (risk.tier == "crisis" and risk.reason == "imminent" and state.risk == "none" and not state.helper
                and self.dialogue.words_for_someone.search(text)
                and not self.risk.patterns["means_hint"].search(written.lower())
                and confessing):
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        # hopeless and drinking hard ("喝了一斤白酒了，脑子乱，欠了三十万，活着有什么意思", walk 82 got the check-in and a
        # debt plan), or drinking again after a crisis ("我还想再喝点" once home from the river, walk 83 got the card on
        # family liability): the crisis reply, with "今晚别再喝了" first (crisis.yaml, first_step alcohol)
        hopeless = risk.tier == "check_in" and risk.reason == "possible"
        after_crisis = risk.tier != "crisis" and ("crisis:left" in state.shown or state.risk == "crisis")
        if not state.helper and (hopeless or after_crisis) and own_means() == "alcohol":
            risk = Risk("crisis", "possible+drunk" if hopeless else "drinking again", imminent=True, means="alcohol",
                        distress=risk.distress, probability=risk.probability)
        # "穷得我都不想活了 开玩笑的" (walk 55): said and taken back in one breath, with no plan or means: asked once,
        # gently, not the crisis reply (and not every turn after it)
        if (self.dialogue.joked_now.search(text.strip()) and state.risk == "none"
                and risk.tier == "crisis" and risk.reason == "direct" and not risk.imminent):
            risk = Risk("check_in", "joked", distress=risk.distress, probability=risk.probability)
        # someone close telling them to die ("我跟我妈说我欠了网贷，她说'你怎么不去死'", walk 81 got the card on family
        # liability): whatever else, asked directly once, with a hotline line
        if risk.tier == "none" and not state.helper and self.dialogue.told_to_die.search(text):
            risk = Risk("check_in", "told to die", distress=risk.distress, probability=risk.probability)
        # the writer's own words, not the classifier alone, raised risk (remembered: a denial later is no misreading)
        by_words = risk.tier != "none" and not risk.reason.startswith("semantic") and not risk.helper
        bare = " ".join(SCRIPT_CHANGE.sub(" ", PUNCTUATION.sub(" ", text)).split())  # "ok谢谢" → "ok 谢谢"
        symptom = bool(self.dialogue.symptom.search(text))  # unwell: what pills or fumes do to the body
        # unwell with charcoal lit is the fumes (walk 62), cold and dizzy after a cut is blood lost (walk 75; unless pills
        # are named too: "又吃了半瓶药 头有点晕"): the means already named, not pills
        unwell_from = state.means if symptom and (state.means == "air" or (state.means == "wound" and self.risk.means(
            self.dialogue.symptom.sub("", text).lower()) != "taken")) else ""
        worried = not risk.distress and self.risk.others_fear(read)
        folded = unicodedata.normalize("NFKC", raw)
        # a place said once is remembered; a place merely named later ("我手机是台湾号码") does not move them
        region = self.risk.region(folded, here_only=bool(state.region)) or state.region
        words = len(re.findall(r"[a-z]{2,}", text))  # one English word is enough to open a conversation ("hi")
        english = (len(LATIN.findall(text)) > 2 * len(HAN.findall(text)) and not text.startswith("/")
                   and (words >= 2 or (words == 1 and not state.turns))
                   and not (self.pinyin(text) or self.few_pinyin(text)))
        # a bank loan and a private boss's 月息5分 in one message: which one a question is about is not known
        kinds = [kind for kind, pattern in self.dialogue.lender.items() if pattern.search(text)]
        lender = kinds[0] if len(kinds) == 1 else "unknown"
        odds = self.read_act(text, bare, vector)
        act = max(odds, key=odds.__getitem__) if odds else ""
        inquiry = self.dialogue.helpless.sub(" ", text)  # "唔知點算" is said, not asked
        follow_up = bool(self.dialogue.follow_up.search(inquiry))
        correction = self.dialogue.correction.search(text)
        instead = self.dialogue.asked_instead.search(text)  # "我没问会不会坐牢，我是问…"
        rate_asks = list(self.dialogue.rate_question.finditer(text))
        # the word lists first, then the classifier's kind; a question ("那你能干嘛", "我该不该点") is small talk
        # only when the classifier is sure
        asks = bool(self.dialogue.question.search(inquiry))
        going = bool(state.turns) and self.dialogue.going(text)
        bereaved = bool(self.dialogue.bereaved.search(text))  # "我哥上个月走了", "老伴走了"
        # "你好，想问下": the words say a question follows ("请问有人在吗" only asks whether someone is there)
        listed_vague = self.dialogue.is_vague(bare)
        wants = bool(self.dialogue.wants_to_ask.search(bare))  # "有件事想问下": a question follows
        greets = bool(self.dialogue.small_talk["greeting"].match(bare))  # "hi, I'm …", "你好 我是…"
        # listed vague words and a question to follow, or a greeting and a question to follow: not small talk
        asking = wants and (greets or listed_vague)
        asks_other = bool(self.dialogue.off_topic.search(text))  # "那你能帮我写个请假条吗": not a question about the bot
        # "能问你个事吗" mid-conversation announces a question; it is not a question about the bot
        announce = bool(state.turns) and self.dialogue.announces(bare)
        asked_language = next((lang for lang, words in self.dialogue.language_request.items() if words.search(text)), "")
        # a request for English and nothing else ("hi, can you answer in English?"): said yes to, in that language
        language_only = bool(asked_language) and self.dialogue.covered(bare, self.dialogue.language_words)
        small_talk = "" if announce else "language" if language_only else self.dialogue.small_talk_kind(bare) or (
            act if act in SMALL_TALK and not asking and not asks_other
            and not (risk.distress or worried or risk.soft or risk.tier != "none" or retaliation)
            and not bereaved  # "老伴走了" is a death, not a goodbye (walk 58)
            and odds[act] >= self.dialogue.acts["question" if asks else "small_talk"] else "") or (
            "ack" if going else "")
        # "你说的都是废话 有个屁用": an apology, not "不客气" (the classifier of kinds reads it as thanks); in a crisis
        # conversation such words are heard by the crisis replies, unless what was said was taken back or answered safe
        # ("我没事，就是随口说说" … "你根本没听懂我说什么。算了", walk 69: sorry, and their safety asked again)
        settled = state.risk == "none" or bool({"said:took back", "said:safe"} & set(state.shown))
        if (small_talk in ("", "thanks", "ack", "bot") and not domain and risk.tier == "none" and settled
                and self.dialogue.frustrated.search(text)):
            small_talk = "frustrated"
        # "你会不会保存我的聊天记录，会不会交给警察或者催收？" (walk 76 got how to record the collectors' calls, four times):
        # what the bot keeps, answered plainly, whatever else the question names
        privacy_asked = bool(self.dialogue.privacy_asked.search(text))
        if privacy_asked and risk.tier == "none":
            small_talk = "bot"
        if small_talk == "bot" and talk and not domain:
            small_talk = "company"  # "你能陪我聊会吗 不用给我讲法律": company first, not what the bot is (walk 65)
        # "我不需要建议，什么法条都别跟我说，就想有人陪我说说话", "你怎么还是给我列一二三，我说了不要建议。我就是今天特别
        # 孤单" (walk 80 got coping steps, then the steps for recording calls): company, without steps; not when they ask
        if (small_talk in ("", "bot", "frustrated") and risk.tier == "none" and self.dialogue.no_advice.search(text)
                and not (self.dialogue.yes_no.search(text) or "?" in text)):  # ("什么法条都别跟我说" asks nothing)
            small_talk = "company"
        # "我不想说债的事，你能陪我聊会儿吗" (walk 81 got ways to cope and a card on scams): company, when nothing else is asked
        if (small_talk in ("", "bot") and risk.tier == "none" and talk
                and "?" not in text and not (re.search(r"\d", text) or self.dialogue.threat.search(text))):
            small_talk = "company"
        # "今天就吃了碗泡面，看了会儿春晚。谢谢你陪我" (walk 82 got the steps for a transferred debt): thanks, in a
        # conversation of company
        if (not small_talk and risk.tier == "none" and not domain and "said:company" in state.shown
                and self.dialogue.small_talk["thanks"].search(text) and not self.dialogue.question.search(text)):
            small_talk = "thanks"
        occasion = next((kind for kind, words in self.dialogue.occasion.items() if words.search(text)), "")
        # "你能跟我说一句生日快乐吗", "你能祝我新年快乐吗" (walk 82 got "这个问题我可能帮不上忙"): the wish, and company
        if occasion and small_talk in ("", "bot") and risk.tier == "none" and not domain:
            small_talk = "company"
        if act in SMALL_TALK and not small_talk:  # "你好呀，想問下嘢": not small talk, so which of the rest
            # ("你会写代码吗": something else, when the classifier leans that way; not a coin toss between vague and
            # specific at 0.098 each)
            act = max(("vague", "specific", "off_topic"), key=odds.__getitem__)
        vague = not small_talk and ((act == "vague" and odds["vague"] >= self.dialogue.acts["vague"]) or listed_vague)
        # "还有2%" is the battery, not a rate (walk 71: an interest lecture to someone at risk whose phone was dying)
        low_battery = bool(self.dialogue.low_battery.search(text))
        cant_hear = bool(self.dialogue.cant_hear.search(text))  # "我耳朵不好": no phone line as the way (walks 71, 72)
        figures = {} if low_battery else read_figures(message.text, asking=str(state.loan.get("asking", "")))
        raised = state.risk != "none" and "answered:self_harm" not in state.shown
        # "嗯 我现在在家 不会乱来的": heard even when its words still carry a weak sign
        # the classifier alone reads "I'm okay now, my sister is coming over" as a farewell: the words decide
        heard = risk.tier != "crisis" or risk.reason.startswith("semantic")
        # calling family or a friend is reaching out, except while still at the place or with the means named
        # (not when the line was busy or no one answered: "打过了，占线！")
        # ("他们今天又给我爸打电话了 骂得很难听" is the collectors calling, walk 53)
        called = self.dialogue.calls_someone.search(text)
        called = called is not None and not self.risk.patterns["collectors_only"].search(
            re.split(r"[,.!?]", text[:called.start()])[-1])
        reached_out = state.risk != "none" and heard and not self.dialogue.no_call.search(text) and bool(
            self.dialogue.reached_out.search(text) or (
                state.means in ("", "farewell", "default") and called
                and not ASKS_WHETHER.search(text)))  # "我要不要给我爸打电话" asks, it has not called (walk 50)
        # "没事了 不说这个" pulls back, whatever else it says: not an all-clear
        # "开玩笑的" heard as a joke (after means were named, asked to put them away), except after pills taken
        # ("刚才就是气话，但我真的很绝望", walk 76: alone at home, and still in despair; not taken back)
        joke = (state.risk != "none" and bool(self.dialogue.took_back.search(text))
                and not self.dialogue.still_hurting.search(text))
        pulls_back = raised and bool(self.dialogue.withdraw.search(bare) or (
            state.risk == "crisis" and self.dialogue.dismiss.search(bare)) or (joke and state.means == "taken"))
        # a helper telling what ta said ("我问她她说没事") or asking how to help is not an all-clear
        told_fine = state.helper and bool(self.risk.patterns["not_clear"].search(text))
        # pills taken: nothing is an all-clear until they are in care ("到医院了", "洗了胃"); "打了120" and "救护车到了"
        # are what to do while help comes
        taken = state.means == "taken" and not state.helper
        # (a helper: ta is in care, also once someone there has called 120: "老乡打了120 人拖到走廊了 醒了点")
        cared = bool(self.dialogue.in_care.search(text))
        in_care = ((taken or state.helper) and cared) or (state.helper and bool(self.dialogue.ambulance.search(text)))
        # a helper: 120 called, not yet at the hospital ("她吃了一瓶药 已经叫了120"): what to do while it comes
        help_called = in_care and state.helper and not cared
        left = bool(self.dialogue.left.search(text))  # "我已经下来了", "炭扔了": away from the place or the means
        # after a high place or the water was named, going (back) there is no all-clear, whatever else is said
        going_back = (state.risk == "crisis" and not state.helper and state.means in ("height", "scouted")
                      and bool(self.dialogue.going_back.search(text)) and not left)
        # ("我打了110…我爸在里面没声音了", walk 78: the call made, but silence behind the door is no relief)
        locked_in = bool(self.dialogue.locked_in.search(text))
        shut_in = state.helper and locked_in
        better = not (pulls_back or going_back or shut_in) and (in_care or (not taken and (reached_out or (
            state.risk != "none" and heard and not told_fine and bool(self.dialogue.better.search(text) or joke)
            # ("我不会打那个电话 我耳朵不好" is no "我不会乱来": the phone, not their safety, walk 72)
            and not (cant_hear or self.dialogue.no_call.search(text))))))
        # the crisis reply came from the classifier alone, and they say it misread them ("我没想死啊，你干嘛一直让我打
        # 120。我是问他们会不会真去我老家", "我没事，就是懒得问了。你为什么让我打110？", walk 80): sorry, and what they
        # asked is answered (a hotline line stays); not when their own words ever raised risk or named a means
        misread = (state.risk == "crisis" and not state.helper and "raised:semantic" in state.shown
                   and "raised:words" not in state.shown and state.means in ("", "default") and not by_words
                   and not self.risk.patterns["means_hint"].search(written.lower()) and says_fine)
        if misread:
            better, risk = True, Risk("none", "", distress=risk.distress, probability=risk.probability)
        # ta was found and is safe; the helper now asks about the debt ("警察都去过了 她说就是钱的事…我能帮她做点啥"):
        # answered, not the helper's crisis reply again
        # (or beside ta at home, no means named: "他在自己房间里打游戏…那他的网贷怎么办，我们要不要替他还", walk 85 got the
        # helper's steps for waiting on the police four times)
        found_asks_debt = state.helper and domain and ("helper:found" in state.shown or (
            "known:beside" in state.shown and not state.means))
        answer, past_no = "", False
        # the bot asked whether they thought of hurting themselves and has no answer yet
        awaiting_answer = "asked:self_harm" in state.shown and "answered:self_harm" not in state.shown
        if awaiting_answer:
            kind = self.dialogue.answer_kind(bare)
            answer, past_no = ("no" if kind == "past_no" else kind), kind == "past_no"
            # "你说啥药啊刀的 我又不是要寻死 我是说…" (walk 43): a no, however many means it names
            # ("我说了只是过生日一个人，没别的意思", walk 81)
            # ("没有想伤害自己，就是想睡着不醒，这不一样吧", walk 82 got "我们接着说催收的事": no harm meant, and a wish not
            # to wake up, in their own words: the thought is there, and heard as a yes)
            if not answer and state.risk != "crisis" and says_fine:
                answer = "yes" if by_words and risk.reason in ("possible", "direct") else "no"
        if better and risk.tier != "none":  # "我现在冷静下来了，没事了": heard, not asked again
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        # crisis support goes on (the helper's, or urgent again after a plan or means was named)
        staying = Risk("crisis", "after crisis", helper=state.helper, distress=risk.distress,
                       imminent=bool(state.means), means=state.means)
        not_heard = bool(self.dialogue.not_heard.search(text))  # "你是复读机吗": an apology first
        # ("你是复读机吗？同一段话说了三遍" asks nothing but that, walk 76: the question is the complaint)
        complaint_only = not_heard and not self.dialogue.question.search(
            re.sub(r"你是|吗|呢|[?]", " ", self.dialogue.not_heard.sub(" ", text)))
        if state.risk == "crisis" and not state.helper and not_heard and risk.reason.startswith("semantic"):
            # "我就在有人的地方啊，麦当劳。你有没有在看我说什么" (walk 76) is about the last reply, not a new plan the
            # classifier alone reads: sorry, and still with them, not the first crisis reply again
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        # what the message says of where they are and who is with them, read once: it answers "身边有人吗？" and is
        # remembered (as tags) so the questions are not asked again
        # "没有" right after "你身边现在有人吗？" (the short second reply asks only that): alone
        asked_company = state.crisis_note == "again" and state.crisis_turn == state.turns and not state.helper
        situation = {"where": bool(self.dialogue.where.search(text)),
                     "alone": bool(self.dialogue.alone.search(bare))
                     or (asked_company and bool(self.dialogue.bare_no.search(bare))),
                     "with_someone": bool(self.dialogue.with_someone.search(text)),
                     "with_child": bool(self.dialogue.with_child.search(text)),
                     "in_car": bool(self.dialogue.in_car.search(text)),
                     "not_debt": bool(self.dialogue.not_debt.search(text)),
                     "no_one": bool(self.dialogue.no_one.search(text))}
        # a question in so many words ("会坐牢吗", "怎么办"), not "好几个网贷" (几 reads as a question word)
        # (or asks to talk about the debt, "你别劝我了 说说催收的事吧", walk 64: with means at home, not at a height, in a car or
        # taken, the question is answered and the means asked about once more in its hotline line)
        # ("…先还谁", the day after, walk 77: which debt first is a question too)
        asks_plainly = bool(self.dialogue.yes_no.search(text) or re.search(r"[?]|怎么|为什么|咋|先还(谁|哪)", text)) or (
            state.means not in AT_THE_EDGE and self.dialogue.debt_talk.search(text) is not None)
        # the last crisis reply asked how and whether the means are at hand: a short answer answers that
        asked_plan = state.crisis_note == "plan" and state.crisis_turn == state.turns and not state.helper
        if (not state.helper and state.risk == "crisis" and risk.helper and risk.reason.startswith(("semantic", "possible"))
                and not THIRD_PERSON.search(written) and FIRST_PERSON.search(written)):
            # in their own crisis, "我在边上坐着，没人。我爸说得对，我就是个废物" (walk 79): a father named is not someone
            # they help; the words read as someone else's only by the classifier stay the writer's own
            risk = replace(risk, helper=False, reason=risk.reason.replace("+other", "+plan"))
        if (risk.tier == "crisis" and risk.helper and not state.helper and self.dialogue.own_feeling.search(text)
                and not self.dialogue.agrees.search(text)):
            # "我是说我妈跟我说这种话。我现在真觉得自己是多余的" (walk 81 got the helper's reply): the feeling is the writer's
            risk = replace(risk, helper=False, reason=risk.reason.replace("+other", ""))
        if risk.tier == "crisis" and risk.helper and not state.helper and self.dialogue.agrees.search(text):
            # "我妈今天跟我说，你欠这么多钱还不如死了算了，我觉得她说得对" (walk 80 got the helper reply, "你现在和 ta 在一起吗？"):
            # a relative's cruel words, and the writer agreeing with them, are the writer's own crisis; the hurt named
            risk = replace(risk, helper=False, reason="hurt" if not (risk.imminent or risk.means) else risk.reason)
        if going_back:
            # "没事了 我就上去抽根烟": the place itself, named as what it is, with the step away from it
            # ("我去走廊那边透透气": not to step back from an edge they are not at yet, but not to go)
            # (up there already, "我现在在公司楼顶" then "没事 就是想吹吹风": still at the edge, walk 62)
            risk = Risk("crisis", "imminent", imminent=True, distress=risk.distress,
                        means="going_there" if state.means == "height" and "known:where" not in state.shown
                        else state.means, probability=risk.probability)
        elif (risk.tier == "crisis" and "crisis:left" not in state.shown and not (state.helper or risk.helper) and left
              and self.dialogue.stepped_back.search(text)):
            # told only once it is over, "其实我刚才站公司天台上待了半小时 没跳 下来了" (walk 73): the step back named, and
            # asked whether the thought is still there; not "请现在就打 110" and how they would do it
            risk = Risk("crisis", "came down", distress=risk.distress, probability=risk.probability)
        elif (state.risk == "crisis" and not state.helper and "crisis:arrived" not in state.shown
                and self.dialogue.arrived.search(text)):
            # "表姐到了，在门口敲门": let them in, and let them stay tonight (not "go where there are people"); after
            # pills taken, to wait for the ambulance with them or go to hospital ("哥来了，现在在他家", walk 82: not told
            # to open the door; only someone at the door is let in)
            risk = replace(staying, reason="arrived" if self.dialogue.at_door.search(text) else "arrived in",
                           imminent=state.means == "taken")
        elif (not state.helper and (state.risk == "crisis" or risk.tier == "crisis")
              and (state.means == "wound" or risk.means == "wound" or "first:wound" in state.shown
                   or "crisis:self harm" in state.shown
                   or own_means() == "wound")
              and ((healed := state.risk == "crisis" and bool(self.dialogue.healed.search(text)))
                   or ("crisis:self harm" not in state.shown and self.dialogue.not_suicidal.search(text)))):
            # after cutting, "我不是想死，就是太难受了想让自己疼一下" (or in the same message, walk 67): heard; the wound
            # looked after, and still asked; "没在流血 都是前几天划的 结痂了": cuts from before, not pressed again
            risk = Risk("crisis", "healed" if healed else "self harm", distress=risk.distress,
                        probability=risk.probability)
        elif (state.risk == "crisis" and raised and not (state.helper or better)
              and self.dialogue.jail.search(text) and not (taken and not in_care)):
            # "他们说要让我坐牢，我会坐牢吗" on a roof: the fear that put them there, answered in one sentence first;
            # asked again ("你就告诉我 会不会抓"), the plain no again, shorter (silence would sound like a yes)
            risk = replace(staying, reason="jail again" if "crisis:jail" in state.shown else "jail")
        elif state.helper and state.risk == "crisis" and not in_care and not (
                left and self.dialogue.holding.search(text)) and (
                helper_means := self.risk.helper_means(written.lower())):
            # (not the means thrown away with ta beside them: "没点 我说了没点。他醒了 在哭 我陪着他 炭盆我扔了", walk 73)
            # "老乡说炉子里还有炭 屋里有股味 叫他叫不太醒": what those with ta do first, and 120 now
            risk = replace(staying, reason="helper means", imminent=True, means=helper_means)
        elif state.helper and state.risk == "crisis" and self.dialogue.call_question.search(text):
            # "要打120吗": yes, now, with what those with ta do first when a means was reported
            reported = next((tag.removeprefix("helper means:") for tag in state.shown
                             if tag.startswith("helper means:")), "")
            risk = replace(staying, reason="helper means", imminent=bool(reported), means=reported)
        elif state.helper and state.risk == "crisis" and self.dialogue.open_door.search(text):
            # "我要不要把门踹开": yes, now, with 110/120 on the way; not while ta still answers through it ("我刚才敲门他说
            # 没事…要不要把他房门撞开？", walk 80): talk through the door, and 110/120 if ta stops answering
            answered = told_fine or "helper:answered" in state.shown
            risk = replace(staying, reason="door answered" if answered else "open door")
        elif taken and not in_care and self.dialogue.family_would_know.search(text):
            # pills taken, "不想打120 我爸妈会知道的": the fear heard, and other ways to the hospital now (walk 62)
            risk = replace(staying, reason="taken, family", imminent=True)
        elif taken and not in_care and self.dialogue.ambulance_cost.search(text):
            # pills taken, "不想打120 太贵了 也还不起": life before money, and the cost later (walk 65)
            risk = replace(staying, reason="taken, cost", imminent=True)
        elif (state.risk == "crisis" and not state.helper and "crisis:calling" not in state.shown
              and self.dialogue.family_calling.search(text)):
            # "我妈刚打电话来，我没接": the one reaching out to them, taken up
            risk = replace(staying, reason="calling")
        elif (state.risk == "crisis" and not state.helper and "crisis:safe plan" not in state.shown
              and self.dialogue.safe_plan.search(text)):
            # "我可以返去阿妈度瞓一晚": their own plan for tonight, backed
            risk = replace(staying, reason="safe plan", imminent=False)
        elif (state.risk == "crisis" and not state.helper and "crisis:method" not in state.shown
              and ("crisis:self" in state.shown or "crisis:imminent" in state.shown)
              and self.dialogue.method.search(text)):
            # asked again how to die: said plainly it won't be told, and why
            risk = replace(staying, reason="method", imminent=True, means=state.means or "default")
        elif state.risk == "crisis" and not state.helper and self.dialogue.with_them.search(text):
            # "我想过带着她一起走" in a crisis: the child taken along, as "带女儿一起走" is; someone to take the child first
            # (unless the words say who: "看着她…带她一起走，两个人都解脱了" by a carer is her mother, walk 69)
            # (a child told of earlier, "女儿在睡觉，她才四岁", makes 她 the child)
            along = own_means()
            child = "known:with_child" in state.shown or situation["with_child"]
            risk = Risk("crisis", "imminent", imminent=True, distress=risk.distress,
                        means=along if along in TAKEN_ALONG and not (child and along == "dependent") else "children")
        elif (state.helper and state.risk == "crisis" and "helper:in care" in state.shown
              and self.risk.patterns["secret"].search(written.lower())):
            # "她求我别告诉她爸妈，我该不该说" once ta is in hospital (walk 85 p23 asked three times and got the card on
            # family liability): her safety before the promise, and the days after hospital
            risk = replace(staying, reason="secret")
        elif state.helper and state.risk == "crisis" and self.dialogue.tell_someone.search(text):
            # "我可以跟外婆打电话吗 外婆住得不远" (walk 72, a fifteen-year-old whose mother said goodbye): yes, now
            risk = replace(staying, reason="tell someone")
        elif state.helper and state.risk == "crisis" and self.dialogue.far_police.search(text):
            # "让我打成都的电话 我不知道打哪个": someone in ta's city dials 110 there; the building staff knock first
            risk = replace(staying, reason="far police")
        elif (state.helper and state.risk == "crisis" and risk.tier != "crisis" and not better
              and "crisis:missing" not in state.shown and not self.dialogue.found.search(text)
              and not self.risk.patterns["unreachable"].search(written.lower())
              and self.dialogue.not_answering.search(text)):
            # helping, "打了二十几个电话都不接 微信也不回": ta still can't be reached, looked for now (not a collector's calls)
            risk = Risk("crisis", "other+missing", imminent=True, helper=True, distress=risk.distress)
        elif (state.helper and state.risk == "crisis" and "crisis:missing" in state.shown
              and "helper:found" not in state.shown and risk.tier != "crisis"
              and not better and not self.dialogue.found.search(text)
              and self.dialogue.while_missing.search(text)):
            # still looking for ta ("已经给班主任打了 老师说去宿舍找", "要不要先还钱让他们别催了"): the search first,
            # the money can wait (walk 62)
            risk = Risk("crisis", "still missing", imminent=True, helper=True, distress=risk.distress, means="missing")
        elif (state.risk != "none" and not state.helper and self.dialogue.hotline_fear.search(text)
              and not (taken and not in_care)):
            # "打12356会不会被报警抓起来 我不想让别人知道": the line is confidential, said plainly, then what worries them
            risk = replace(staying, reason="hotline fear")
        elif (state.risk == "crisis" and not state.helper and not (taken and not in_care)
              and self.dialogue.doctor_question.search(text)):
            # "下周要去产检，这种事能跟产科医生说吗？会不会被当成神经病" (walk 69): answered, yes, and how to say it
            risk = replace(staying, reason="doctor question")
        elif (state.risk == "crisis" and not state.helper and not (taken and not in_care)
              and (asked_words := self.dialogue.words_for_someone.search(text))):
            # "我可以给妹妹发微信，但是不知道怎么说", "帮我写一句给妹妹的话" (walk 69): the words, ready to send
            # ("有个同事刚下来找我，问我怎么了，我该不该告诉他", walk 82: yes, and the words to say to ta there)
            # ("我想跟老婆说，但不知道怎么说" after "我老婆不知道我欠这么多，我不敢跟她说", walk 82 was offered "有想死的念头"
            # to send: the words to confess the debt, and how hard things are)
            # ("我不需要打电话，我就想让你帮我写信" after asking for a goodbye letter, walk 83 got "请现在就打 110" twice: no
            # farewell written, and the words to ask the family for help offered instead)
            risk = replace(staying, reason="words for someone here" if asked_words.group("present")
                           else "farewell letter" if asked_words.group("letter") and state.means == "farewell"
                           else "words for the debt" if confessing else "words for someone")
        elif state.risk != "none" and self.dialogue.hotline_language.search(text) and not (taken and not in_care):
            # "12356 他们会说维吾尔语吗？我汉语说不好": how to be heard in the language they have, not the debt card
            risk = replace(staying, reason="hotline language", helper=state.helper)
        elif state.risk != "none" and self.dialogue.hotline_question.search(text) and not (taken and not in_care):
            # "12356是啥 要钱吗": the line answered plainly, the one thing between them and a person's voice
            risk = replace(staying, reason="hotline question", helper=state.helper)
        elif taken and self.dialogue.past_said.search(text) and not self.dialogue.past_now.search(text):
            # "不是现在 是上个月的事 早出院了": an attempt before, not pills taken now; asked about now
            risk = Risk("crisis", "past attempt", distress=risk.distress, probability=risk.probability)
        elif taken and not in_care:
            risk = replace(staying, reason="help coming" if self.dialogue.help_coming.search(text) else "after crisis")
        elif state.means == "wound" and not state.helper and self.dialogue.help_coming.search(text):
            # "我打了120，现在在等" after a cut (walk 75 was told to keep the pill boxes): what to do while it comes
            risk = replace(staying, reason="help coming", means="wound")
        elif (state.risk == "crisis" and not (state.helper or better) and not {"crisis:public", "crisis:left"} & set(
                state.shown) and state.crisis_turn == state.turns and state.means not in ("taken", "wound", "air", "height", "going_there")
              and self.dialogue.public.search(text) and not self.risk.patterns["imminent"].search(written.lower())
              and not self.dialogue.no_plan_said.search(text)  # ("人很多 没准备什么": the relief of no plan, walk 73)
              # ("不是想死，我妈还在医院，我不能倒下": a carer at a hospital, never somewhere she went to be safe, walk 77)
              and not self.dialogue.not_suicidal.search(text)
              # ("我在医院陪床，孩子睡了。我没事，我就是想知道有没有什么救助可以申请", walk 84: fine, and asking)
              and not (says_fine and ASKS_IN_WORDS.search(text))):
            # "我出来了，在楼下的麦当劳坐着，人挺多的" after a farewell letter and no wish to call 110 (walk 76 was asked
            # three times "你现在能去有人的地方吗？"): where there are people already; the step named, stay there a while
            risk = replace(staying, reason="among people", imminent=False)
        elif (state.risk == "crisis" and not (state.helper or better) and ("crisis:left" in state.shown or left)
              and "crisis:home" not in state.shown and state.means not in ("taken", "wound", "air")
              and self.dialogue.going_home.search(text) and not self.risk.patterns["imminent"].search(written.lower())):
            # "嗯……有点冷，我想回家了" after stepping back from the river (walk 75 was asked "你现在怎么样"): the way home
            # (not after pills, a cut or gas: then it is the hospital)
            risk = replace(staying, reason="going home", imminent=False)
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:left" not in state.shown
              and left and not self.risk.patterns["imminent"].search(written.lower())
              and not self.dialogue.afraid_to_die.search(text)):
            # "我把药倒进马桶冲掉了", "我已经下来了": the step taken is named and praised before anything else
            risk = replace(staying, reason="left", imminent=False)
        elif (state.risk == "crisis" and state.means in ("height", "height_home") and not (state.helper or better)
              and state.crisis_turn == state.turns and "crisis:left" not in state.shown
              and self.dialogue.indoors.search(text)
              and not self.risk.patterns["imminent"].search(written.lower())):
            # "我没有跳 我现在在床上" after a balcony (walk 58): inside now, a little relief, not 110 again ("我没上去，在工棚里"
            # after scaffolding, walk 84)
            risk = replace(staying, reason="indoors", imminent=False)
        elif not state.helper and state.risk != "none" and self.dialogue.not_me.search(text):
            # "不是我，是我老婆。我在上班" (walk 68): taken for the writer's own; sorry, and the helper's reply, urgent as
            # what they told was (a wife on the balcony with the baby)
            risk = Risk("crisis", "not me", helper=True, imminent=bool(state.means) or risk.imminent,
                        distress=risk.distress, probability=risk.probability)
        elif (state.helper and state.risk == "crisis" and risk.tier == "crisis" and not risk.helper
              and risk.reason.startswith("possible") and (sign := self.risk.patterns["possible"].search(written.lower()))
              and THIRD_PERSON.search(sign.group(0)) and not FIRST_PERSON.search(sign.group(0))):
            # helping, a sign that speaks of ta and not of the writer ("我正在打车过去…要是他出事了，这钱是不是都要我还",
            # walk 78): still ta's crisis, not a question to the writer about ending their life
            risk = replace(risk, helper=True, reason="possible+other")
        elif (state.helper and state.risk == "crisis" and risk.tier == "crisis" and not risk.helper
              and INSURANCE_ASKED.search(text) and not self.dialogue.about_me.search(text)):
            # helping, a question about ta's policy ("他就在我旁边睡觉…是不是两年以后自杀就赔了", walk 86 p09): still ta's
            # crisis, not "你是不是在想…怎么结束自己的生命？" to the wife
            risk = replace(staying, imminent=False)
        elif state.helper and state.risk == "crisis" and self.dialogue.about_me.search(text):
            # "你在说什么？我哥已经死了，我说的是我自己": their own crisis, not someone they help
            # ("什么ta 我说的是我自己 家里有一瓶安眠药": a means of their own named with it, its step first)
            named = self.risk.patterns["means_hint"].search(written.lower()) is not None
            risk = Risk("crisis", "about me", imminent=named, distress=risk.distress, probability=risk.probability)
        elif (risk.tier == "crisis" and risk.imminent and self.dialogue.thoughts.search(text)
              and self.dialogue.no_plan_said.search(text) and not self.dialogue.past_now.search(text)):
            # "会冒出'跳下去就解脱了'的念头，但我没有计划": their own thoughts told, no plan; not an act now, not
            # someone else's
            risk = Risk("crisis", "thoughts", distress=risk.distress, probability=risk.probability)
        elif (risk.tier == "crisis" and not risk.helper and (state.risk != "crisis" or cared)
              and self.dialogue.past_attempt.search(text) and not self.dialogue.past_now.search(text)):
            # an attempt before, survived ("上周我吃药自杀，被抢救回来了"): asked about now, not sent to 110 as if it
            # were happening (also back after the hospital: "我出院了，前几天跟你说过吃药的事", walk 84 p12)
            risk = Risk("crisis", "past attempt", distress=risk.distress, probability=risk.probability)
        elif (state.risk == "crisis" and not (state.helper or better) and not asks_plainly
              and self.risk.means(written.lower()) == "taken"
              and not unwell_from):
            # "吃了几片" later in the crisis: pills taken now, the hospital first
            risk = Risk("crisis", "has means", imminent=True, distress=risk.distress, means="taken")
        elif (state.risk == "crisis" and not state.helper and risk.tier != "crisis" and state.crisis_turn == state.turns
              and state.crisis_note in ("plan", "plan_told") and self.dialogue.undecided.search(text)):
            # "没想好，就是心里烦。牛棚就在院子里。信用社到底能不能缓" to "你是不是在想什么时候、怎么结束自己的生命？" with the
            # pesticide in the cowshed (walk 86 p02 was answered on fees): not decided is no all-clear
            risk = staying
        elif (state.risk == "crisis" and state.means and state.means != "taken" and not state.helper
              and self.dialogue.put_away.search(text)):
            risk = replace(staying, reason="put away")  # "那这药咋整": where to put it, in so many words
        elif (risk.tier != "crisis" and state.risk == "crisis" and asked_plan and not state.helper
              and self.dialogue.bare_mm.fullmatch(bare) is not None):
            # "嗯" to "手边有没有药、刀、绳子这类东西？…先把它交给别人，好吗？" (walk 63): a yes to having them or to handing
            # them over; asked which, with 110/120 and the step meanwhile
            risk = replace(staying, reason="means unclear", imminent=True, means=state.means or "default")
        elif risk.tier != "crisis" and not (better or state.helper or answer == "no") and not (
                left and "crisis:left" in state.shown) and not (
                "said:safe" in state.shown and domain and not asked_plan) and (
                (state.risk == "crisis" and asked_plan and self.dialogue.has_means.search(bare))
                or ((state.risk == "crisis" or (raised and (risk.tier == "check_in" or not domain)))
                    and self.risk.patterns["means_hint"].search(own_words()))):
            # asked whether pills, a blade … are at hand, "有" or "买了", or a means named later in the crisis ("I have
            # a knife here", "降压药 安眠的都有") or after the question was asked ("车停在路边，前面就是悬崖"): 110/120
            # and the first step, now
            # (not once they said they are safe and talk of the debt: "我说的是桥 不是楼顶。我现在想处理一下欠款的事",
            # the day after, at home with their mother, walk 74)
            # (nor the means told again as given away: "我不是说过了吗，想过。药已经给邻居了", walk 86 p30)
            risk = Risk("crisis", "has means", imminent=True, distress=risk.distress)
        elif (asked_plan and risk.tier != "crisis" and self.dialogue.no_plan.search(bare)) or (
                state.risk == "crisis" and state.means != "taken" and not state.helper
                and (state.means or "answered:self_harm" in state.shown
                     or ("crisis:self" in state.shown and self.dialogue.no_plan_how.search(text)))
                and self.dialogue.no_plan_said.search(text)
                and not self.risk.patterns["imminent"].search(written.lower())):
            # (also after a yes to the question: "没有具体想过怎么做 就是脑子里老冒出来这个念头", walk 62, or after their
            # own words of ending it: "成日諗住一了百了" then "冇諗過點做 但係成日都諗", walk 63)
            # nothing ready ("没有", "未買炭，只係諗過"): a little relief, then someone to be with them
            risk = replace(staying, reason="no plan", imminent=False, means="")
        elif answer == "no" and state.crisis_note == "asked" and state.crisis_turn == state.turns and not risk.imminent:
            # "没有" to "这几天还会有结束生命的念头吗？" (after a past attempt, after cutting): heard as no
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        elif answer == "no" and risk.tier == "check_in" and risk.reason.startswith("semantic"):
            # "没有，我没想过那些。我就是想问车被拖走了…" to the check-in, which only the classifier would ask again (walk 84
            # p23 was asked "我还是想确认一下你的安全"): heard as no, and the question answered
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        elif (state.risk == "crisis" and not state.helper and state.crisis_note != "plan"
              and self.dialogue.unsure.search(bare)):  # (not to "手边有没有药、刀、绳子？")
            # "我不知道" to "你现在安全吗？" (walk 60: read as a yes to the question before it, it got the first reply
            # for thoughts without the step for the pills they had saved): taken as not safe, the step first, now
            risk = Risk("crisis", "unsure", imminent=True, distress=risk.distress, means=state.means or "default")
        elif answer == "yes" and not risk.imminent:  # they have thought of hurting themselves: crisis support now
            # (with a plan or means in the same words, "想过。安眠药我攒了一瓶", the step for it first: kept as read;
            # with no intent in the same words, "想过，但我不会做的，我还有我妈", walk 76: heard as thoughts without a plan)
            risk = Risk("crisis", "said yes", distress=risk.distress)
            if self.dialogue.no_plan_said.search(text):
                # ("我还有我妈" in it: what holds them here, heard first, once)
                reason = "reason to live" if self.dialogue.reason_to_live.search(text) and (
                    "crisis:reason" not in state.shown) else "no plan"
                risk = Risk("crisis", reason, distress=risk.distress)
        elif (state.risk == "crisis" and state.means and state.means != "taken" and not (state.helper or better)
              and self.dialogue.keep.search(text)):
            risk = replace(staying, reason="keep")  # "那是我最后的退路": not argued with; distance from it first
        elif state.risk == "crisis" and not state.helper and self.dialogue.not_safe.search(bare):
            # "不安全" to "你现在安全吗？": what to do first, now
            risk = Risk("crisis", "not safe", imminent=True, distress=risk.distress, means=state.means or "default")
        elif state.risk == "crisis" and not (state.helper or better) and self.dialogue.way_out.search(text):
            # "跳下去就不用还了" in a crisis: asked whether that is the thought, and told the debt can be dealt with
            risk = replace(staying, reason="way out", imminent=bool(state.means or risk.imminent),
                           means=state.means or risk.means)
        elif (state.risk == "crisis" and state.means and not (state.helper or better) and "crisis:when" not in state.shown
              and self.dialogue.plan_when.search(text) and not self.dialogue.plan_when_safe.search(text)):
            # "还没吃 打算周末 爸妈来看我之前" (walk 73): the day named; the days until then made safer, not "请现在就打 110"
            risk = replace(staying, reason="when", imminent=True, means=state.means or "default")
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:letter" not in state.shown
              and self.dialogue.letter_kept.search(text)):
            # "那封信我还没想好要不要撕" after a letter to his daughter was told (walk 74 had a notice on the door to
            # photograph and report): the part of them that wants to stay, heard; the letter out of reach
            risk = replace(staying, reason="letter")
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:shame" not in state.shown
              and self.dialogue.family_shame.search(text)):
            # "我不想他们知道我欠钱 他们会很失望" in a crisis (walk 73): the shame heard, not the card on collectors
            # calling the family
            risk = replace(staying, reason="shame")
        elif (state.risk == "crisis" and not state.helper and "crisis:afraid to die" not in state.shown
              and self.dialogue.afraid_to_die.search(text)):
            # "我在等120，血止住了。我不想活了，但又怕死" (walk 75 had "你做得很好，这一步很不容易"): the fear heard as the
            # part of them that wants to live, and the step for the means still
            risk = replace(staying, reason="afraid to die", imminent=bool(state.means), means=state.means)
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:reason" not in state.shown
              and self.dialogue.reason_to_live.search(text)
              # (a question about their own death comes first: "我女儿才五岁。我问的是我死了以后，债会不会落到她身上")
              and not self.risk.patterns["own_death"].search(written.lower())):
            # "我舍不得她", "我妈已经失去一个儿子了": what holds them here, heard first (once)
            risk = replace(staying, reason="reason to live")
        elif (state.risk == "crisis" and not state.helper
              # (also after "我现在好一点了…我要是真的不在了，她会不会被要求还我的债？", walk 80, which got the card on schools)
              # (in their own words: "他们还说我回内地也会派人找我家里要钱" is the collectors' threat, walk 85)
              and self.risk.patterns["own_death"].search(own_words())
              and not (risk.tier == "crisis" and risk.reason.startswith("imminent"))):
            # "我死了我爸妈要不要还" in a crisis: never the literal answer (that death would settle it)
            # (not a plan that takes someone along: "要是我俩一起走了 谁也不拖累谁", walk 68)
            risk = replace(staying, reason="own death")
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:settled" not in state.shown
              and self.dialogue.settled.search(bare)):
            # "那就好 他们不用还 我就放心了", "我知道该怎么做了": the calm of someone who may have decided; asked plainly
            risk = Risk("crisis", "settled", imminent=True, distress=risk.distress, means=state.means or "default")
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:no use" not in state.shown
              and self.dialogue.no_use.search(text)):
            # "你又不能帮我还钱 说这些有什么用" after ideation was told: not a question about the debt; heard, and
            # still with them (walk 46 had a card on who inherits a debt)
            risk = replace(staying, reason="no use")
        elif (state.risk == "crisis" and not (state.helper or better) and "crisis:cant read" not in state.shown
              and self.dialogue.cant_read.search(text) and not cant_hear):
            # "你说的那个电话我不会打 我眼睛看不清字" (walk 57, a farmer using voice input): three keys, or a neighbour
            # ("我不会打那个电话 我耳朵不好" cannot hear a call: by text, walk 72)
            risk = replace(staying, reason="cant read")
        elif (state.risk != "none" and not (state.helper or better) and "crisis:dont tell" not in state.shown
              and self.dialogue.dont_tell.search(text)):
            # "不要告诉我爸妈 求你了" (walk 57, a girl of 16): the bot tells no one and can reach no one; then her safety
            risk = replace(staying, reason="dont tell")
        elif state.risk == "crisis" and not (state.helper or better) and self.dialogue.police_fear.search(text):
            # "打110干嘛，让警察来抓我吗": who the police come for, before anything else
            risk = replace(staying, reason="police fear")
        elif state.risk == "crisis" and risk.tier != "crisis" and not (state.helper or better) and talk:
            risk = replace(staying, reason="talk")  # "我不想聊催收，我就是想找个人说说话": still with them, listening
        elif (state.risk == "crisis" and (risk.tier != "crisis" or risk.reason.startswith("semantic"))
              and not (state.helper or (better and not self.dialogue.company_only(text, situation, domain)))
              # (not with a means at hand: an open window, pills taken, "没人 在家 刀就在厨房" (walk 73): the means first)
              and not self.risk.patterns["means_hint"].search(own_words())
              # (nor "我在家，老婆出去了，我没事。我就想知道失业了信用卡能不能停息挂账", walk 75: the question is answered,
              # with a hotline line)
              and not (domain and asks and self.dialogue.nothing_wrong.search(text)) and (
                  situation["alone"] or situation["no_one"]
                  or (situation["with_someone"] and "crisis:people" not in state.shown))):
            # "没有人", "就我一个人" to "身边有人吗？": someone to come, and the words to ask them; "我媳妇在家 在里屋睡觉
            # 她还不知道我欠了这么多" answers it too (not a question about a spouse's share of the debt): to tell the one
            # who is there
            # (alone with the window open, "在宿舍 舍友都出去了 窗户开着", walk 67: the means first, below)
            risk = replace(staying, reason="alone" if situation["alone"] or situation["no_one"] else "company")
        elif (state.risk == "crisis" and risk.tier != "crisis" and not state.helper and not better
              and self.dialogue.no_call.search(text)
              # (nor "我没事啊，我就问我老婆的事。你怎么又让我打110", walk 80: a complaint of the bot, not a call declined)
              and not (self.dialogue.nothing_wrong.search(text) and "said:safe" in state.shown)
              # (not with a question about the debt: "谢谢你没一直催我打电话。好点了。十几个平台，我是不是该先停掉以贷养贷",
              # walk 79, is answered)
              and not (domain and (asks or asks_plainly))):
            # "我不想打电话" after a crisis reply: heard; still with them, without pressing the call again
            risk = replace(staying, reason="no call")
        elif risk.reason == "unreachable" and state.helper:
            # after a helper's crisis reply, "我现在打她电话不通": what to do when ta can't be reached, now
            risk = Risk("crisis", "unreachable again", helper=True, imminent=True, distress=risk.distress)
        elif pulls_back and risk.tier != "crisis" and not (domain and (asks or asks_plainly)):
            # "算了 不说了" after being asked: not an all-clear; stay with them. With a question about the debt
            # ("算了不说这个 通讯录被爆了能报警吗") the question is answered, a hotline line kept
            risk = staying
        elif (raised and risk.tier == "none" and not (better or state.helper or answer)
              and self.risk.patterns["own_death"].search(written.lower())):
            # asked about self-harm after "活着也是拖累孩子", then "要是人走了 这个债是不是就不用还了" (walk 66): their own
            # death, however it is put, asked about, not answered as a question about inheritance
            risk = Risk("check_in", "possible: own death", distress=risk.distress, probability=risk.probability)
        elif (raised and risk.tier == "none" and not (better or state.helper or answer or asks_plainly)
              and (situation["alone"] or situation["no_one"])):
            # asked "你有没有想过伤害自己？", they say they are alone ("没有人陪 我一个人租房子住", walk 49): still asked,
            # not answered with the card on collectors at the door
            risk = Risk("check_in", "alone", distress=risk.distress, probability=risk.probability)
        elif (raised and state.risk == "check_in" and risk.tier == "none" and risk.soft
              and not (better or state.helper or answer or asks or asks_plainly)
              and len(re.findall(r"[\u4e00-\u9fff]", text)) <= 10 and not (
                  self.risk.patterns["plan_hint"].search(written.lower())
                  or self.risk.patterns["means_hint"].search(written.lower()))):
            # asked, no answer yet, then a few words of how they feel ("兄弟 我累了" at 3 a.m., walk 69): asked again, not
            # answered with what "兄弟" resembles (a relative's liability)
            risk = Risk("check_in", "possible: short", distress=risk.distress, probability=risk.probability)
        elif (answer != "no" and risk.tier != "crisis" and not better and "asked:self_harm" in state.shown
              and "answered:self_harm" not in state.shown and self.risk.patterns["decided"].search(written.lower())):
            # asked "你有没有想过伤害自己？", they answer "安排好了 就明天": a plan already set, 110/120 first
            risk = Risk("crisis", "decided", imminent=True, distress=risk.distress, means=self.risk.means(written.lower()))
        elif (state.risk == "crisis" and state.means == "children" and not state.helper
              and own_means() in CORRECTS):
            # "宝宝还在我肚子里呢 你说什么", "什么孩子？是我妈" after the children's step (walk 67): still with them, and
            # the step for who it is (below)
            risk = staying
        elif (awaiting_answer and risk.tier == "none" and not answer and state.risk != "crisis"
              and cant_hear):
            # "热线我也打不了，我是聋人，你忘了吗" after the question (walk 71): sorry, and asked again, by text
            risk = Risk("check_in", "cant call", distress=risk.distress, probability=risk.probability)
        elif raised and state.risk == "crisis" and risk.tier != "crisis" and self.dialogue.recharged.search(text):
            # "充上电了 朋友借了个充电器给我" after the phone died mid-crisis (walk 71): glad they are back, how are they now
            risk = replace(staying, reason="recharged")
        elif risk.tier != "crisis" and state.risk == "crisis" and low_battery and not better:
            # "还有2%", "就这样吧 没电了" after a crisis reply (walk 71): the phone is dying, not a question about a rate
            risk = staying
        elif (risk.tier != "crisis" and state.crisis_turn and state.crisis_turn == state.turns
              and not better and (not figures or state.means) and state.crisis_note != "healed"
              and (not domain or (state.means and not asks_plainly)
                   or (state.helper and self.risk.patterns["rescue"].search(text) and not found_asks_debt))
              and not text.startswith("/")
              # ("我没事，真的。我现在想知道被辞退能不能要赔偿" with no means named, walk 76: the question is answered,
              # with a hotline line, not "你身边现在有人吗？" again)
              # (a question in so many words: "没怎么睡" asks nothing)
              # ("我说了我没事，我在工棚里，我问的是工钱找谁要", walk 84)
              and not (says_fine and not state.means and (
                  self.dialogue.yes_no.search(text) or ASKS_IN_WORDS.search(text)))
              and (small_talk not in ("thanks", "bye") or self.dialogue.yes_or_no(bare))
              and (state.helper or not follow_up or vague or small_talk in ("bot", "ack", "greeting")
                   or self.about_someone_close(text) or not_heard)):
            # right after a crisis reply, "没有", "嗯", "好", "还没", "你是机器人吧" (not a goodbye or thanks, read
            # below), "我一个人在出租屋", "我该怎么办", after means were named words
            # about the debt that ask nothing ("告赢了我也还不起"), "她才六岁 她看得懂吗" (the
            # daughter a letter was left for), "我说了在宿舍啊 你是复读机吗" (an apology, and still with them) answer
            # it: stay with them
            # (the helper's "要报警吗" too: getting help to the person, not a question about the debt).
            # Once a later turn was answered, the person has moved on ("好 周末回家说"): the risk is remembered
            # (a hotline line), not the crisis reply again. Thanks,
            # "我会打的", "我现在好一点了", the figures of the debt or a follow-up about the collectors ("他们又打到
            # 我单位了") are answered, with a hotline line
            risk = staying
        elif state.helper and state.risk == "crisis" and risk.tier != "crisis" and locked_in and not in_care:
            # "室友说她在房间里，门锁着" (walk 81 got "找到 ta 了，太好了"; then, its words read alone, the card on
            # collectors calling a school): behind a locked door is not yet seen; the door opened now, 110 / 120
            risk = replace(staying, imminent=True, reason="locked in")
        elif (state.helper and state.risk == "crisis" and risk.tier != "crisis" and "helper:found" not in state.shown
              and not (better or in_care or locked_in) and self.dialogue.found.search(text)):
            # "辅导员去宿舍看了，他人在，没事，但是他不想跟我说话" (walk 77; 辅导员 is also a word of collectors calling the
            # school): ta is found, what to do now; not the card on collectors calling the school
            risk = staying
        elif (state.helper and state.risk == "crisis" and risk.tier != "crisis" and "helper:holding" not in state.shown
              and self.dialogue.holding.search(text)):
            # "他开门了 我给他下了碗面 他吃了 哭了一场" (walk 74; 开门 is also a word of home visits): ta is with them
            # now: stay with ta, listen, tonight together; not the card on collectors calling the family
            risk = staying
        elif (state.helper and state.risk == "crisis" and risk.tier != "crisis" and told_fine and asks
              and not found_asks_debt):
            # "她在屋里 人没事 就是哭…我该跟她说啥": what to say to ta, also once ta is found (walk 38); not a question about
            # the debt from beside ta ("他说就是随口说说…那他的网贷怎么办", walk 85)
            risk = staying
        elif (state.helper and state.risk == "crisis" and risk.tier != "crisis" and not better
              and self.risk.patterns["rescue"].search(text) and not found_asks_debt):
            # the helper asks again how to get help to ta, after a turn about the debt ("要不要等他回来"): the helper's
            # crisis reply, not the debt's steps
            risk = staying
        elif (state.risk != "none" and risk.tier != "crisis" and not state.helper and not better
              and "answered:self_harm" not in state.shown and not (state.risk == "check_in" and "joked" in state.shown)
              and (small_talk == "bye" or self.dialogue.small_talk["bye"].search(bare)
                   or (small_talk == "ack" and state.means and self.dialogue.yes_or_no(bare)))):
            # leaving after a crisis reply or the question, never having said they are safer ("thanks. goodbye"), or
            # only "嗯" (not
            # "好 我给我妹打电话") after a plan or means was named and the talk went back to the debt: not a plain
            # goodbye; once more whether they are safe tonight (not after words taken back in one breath, walk 55)
            risk = Risk("crisis", "leaving", distress=risk.distress, imminent=bool(state.means), means=state.means)
        elif (risk.tier != "crisis" and state.means and not (better or state.helper)
              and not ("said:safe" in state.shown and domain)
              and self.risk.patterns["means_hint"].search(written.lower())):
            # after means were named, the means again ("那个农药我已经放到柜子里了"): still urgent (not once they said
            # they are safe and talk of the debt, walk 74)
            risk = staying
        elif risk.tier == "check_in" and state.risk != "none" and not better and answer != "no" and (
                risk.reason.startswith("possible") or risk.probability >= self.semantic["acute"]
                or (state.risk == "crisis" and raised and not state.helper and not asks_plainly)):
            # a second clear sign in one conversation: a phrase of possible ideation, or the classifier very sure;
            # a weaker one ("睡不着 吃不下", or "钱都是我自己花的 她根本不知道" read at 0.8) is asked about again;
            # after a crisis reply of their own, never asked as if nothing had been said ("我有时候觉得当时没救回来可能更好")
            # (not a "no" to the question, however sure the classifier: "没有想死 就是好累 什么都不想做", walk 65)
            risk = Risk("crisis", f"{risk.reason} again", imminent=risk.imminent, distress=risk.distress)
        elif (risk.tier != "none" and state.risk == "crisis" and (not state.helper or found_asks_debt)
              and asks_plainly and domain and (risk.reason.startswith("semantic") or (
                  # (what ta said told again from beside ta, "他说不想活是前天的事…家里替他还钱有没有用", walk 85)
                  found_asks_debt and risk.helper and not risk.imminent))
              # (not with the means in their own words: "药还在桌上。我不会现在吃。你先回答我，死了债是不是就没了", walk 79)
              and not self.risk.patterns["means_hint"].search(own_words())
              # (nor with a means named before and not yet put away: "没想好，就是心里烦。牛棚就在院子里。信用社到底能不能缓"
              # after pesticide moved to the cowshed, walk 86 p02)
              and not (state.means in MEANS_AT_HAND and "crisis:left" not in state.shown)):
            # (also a helper once ta is found, "他欠了差不多20万…我们做父母的要替他还吗" the next day, walk 76)
            # after a crisis reply of their own, a question about the debt the classifier alone reads as despair or a plan
            # ("明天我找社区问问…这些钱都是给我妈治病借的，我哥是不是也应该分担", walk 69): answered, the step kept under it;
            # never asked "你有没有想过伤害自己？" as if nothing had been said
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        if (risk.tier == "none" and state.risk == "none" and not (state.helper or awaiting_answer or answer)
                and self.dialogue.denied_unasked.search(text)):
            # "你别误会啊 我没想不开 就是问问" with no one having asked (walk 74: pills in a drawer came two messages
            # later): a denial no one asked for is itself worth one gentle question
            risk = Risk("check_in", "possible: denial", distress=risk.distress, probability=risk.probability)
        helping = state.helper and state.risk == "crisis"
        if risk.tier == "crisis" and not risk.helper and not self.dialogue.about_me.search(text) and (
                (helping and self.risk.reports(written.lower()))
                or ((helping or "helper:watch" in state.shown) and THIRD_PERSON.search(text)
                    and not (self.risk.patterns["direct"].search(own_words())
                             or self.risk.patterns["possible"].search(own_words())))):
            # helping someone, still ta's crisis, not the helper's own: ta's words told ("他刚开门了 哭着说觉得拖累我了
            # 不想活了。我现在抱着他", walk 44), or what ta is doing now told with no wish of the writer's own ("他回来了！
            # 在楼下车里坐着，发动机开着，我在窗户看见的", walk 69)
            risk = replace(risk, helper=True)
        if "helper:watch" in state.shown and state.risk == "none" and risk.tier != "crisis" and not (domain or figures):
            # someone they worry about can't be reached or is locked in, asked about already: "她说她没事 就是想一个人
            # 待着", "我还是不放心 怎么办" are about ta, not the writer's own despair or a question about the debt (walk 53)
            about_ta = THIRD_PERSON.search(text) is not None and FIRST_PERSON.search(text) is None
            if (risk.tier == "check_in" and about_ta) or (risk.tier == "none" and self.dialogue.worried.search(text)):
                risk = Risk("check_in", "watch", helper=True, distress=risk.distress, probability=risk.probability)
        if answer == "yes" and risk.helper and not state.helper:
            # "想过 不止一次了 今晚他上夜班 孩子睡了" answers the question about themselves: 他 is who is away tonight
            risk = replace(risk, helper=False)
        scams = self.safety.scams_in(text)
        if (scams or "scam" in state.topics[:2]) and risk.reason == "unreachable":  # the fraudster can't be reached
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        leads, driving = bool(self.dialogue.leads.search(text)), bool(self.dialogue.driving.search(text))
        asks_doctor = bool(self.dialogue.helper_doctor.search(text))  # "挂什么科": where ta can be seen (walk 73)
        if state.helper and risk.tier == "crisis" and not risk.helper and (
                risk.reason.startswith("semantic") or self.dialogue.note_read.search(text) or leads or driving):
            # helping someone, the classifier alone reads the helper's fear and plans ("我还是很怕，我明天请假回去") as
            # their own, or they read out the note ta left ("纸条上写着 债我自己了断 你们好好过", walk 57), or they drive to
            # where ta may be ("他平时喜欢去江边钓鱼 我现在往江边开", walk 58): it is still about the one they help
            risk = replace(risk, helper=True)
        elif (state.helper and risk.tier == "check_in" and risk.reason.startswith("semantic") and not risk.helper
              and domain and not asks_doctor):
            # the same for a question: "那她借的这十几万 我要一起还吗 她说都花在孩子奶粉…" (walk 73) is the helper's
            # question about ta's debt, answered; the helper is not asked whether they would hurt themselves
            risk = Risk("none", "", distress=risk.distress, probability=risk.probability)
        named = own_means() if risk.tier == "crisis" and risk.imminent else ""
        if named == "taken" and unwell_from:
            named = unwell_from  # "头有点晕了" with charcoal lit, "有点冷，头有点晕" after a cut: not pills
        if named == "going_there" and state.means == "height":
            named = "height"  # on the roof already, "没事 就是想吹吹风": still up there, not about to go (walk 62)
        # the place they mean to go named ("海印桥 我已经谂好咗" after "今晚我谂住去桥度", walk 58): still not there,
        # unless they say where they are now
        heading = state.means == "going_there" and named == "height" and not self.dialogue.where.search(text)
        if named == "height" and self.dialogue.plan_later.search(text) and not self.dialogue.at_edge_now.search(text):
            # a height for a day to come ("周六…然后去江边", "明天…就从公司楼顶跳", walk 74): not "先从边上退回来" to
            # someone at home, but not to go there
            named = "scouted"
        if risk.tier == "crisis" and risk.imminent and not risk.means:  # what to do first depends on the means named
            # "有" to "手边有没有药、刀这些东西？": what it is and where, and away from them first
            risk = replace(risk, means="unnamed" if risk.reason == "has means" and named == "default"
                           else "going_there" if heading else named)
        elif risk.tier == "crisis" and risk.imminent and not risk.helper and (
                risk.means not in ("taken", "children") or (risk.means == "children" and named in CORRECTS)):
            # a means named later in the crisis is the one the step is for ("炭在楼下车里，没点": throw it away)
            if named != self.risk.first_steps[-1].key and not heading:
                risk = replace(risk, means=named)
        leans = bool(state.turns and self.dialogue.leans_on_context.search(text))
        # kept only in a crisis of their own (tags, not words)
        # ("我不想打110": not pressed to call again in the replies that follow)
        known = tuple(tag for tag, found in {**situation, "no_call": risk.reason == "no call"}.items() if found) if (
            risk.tier == "crisis" or state.risk != "none") and not (state.helper or risk.helper) else ()
        return Triage(
            message=message,
            language="en" if english else ("zh" if HAN.search(text) or not state.turns else state.language),
            # (a place on the mainland said: simplified when the only traditional characters are those Cantonese
            # typists there write, 係 and 諗, walk 73; traditional for "我在深圳工作…網貸加起來", walk 76)
            script=("hk" if region in ("hk", "mo") or (self.risk.cantonese(folded) and region in ("", "mainland"))
                    else "tw")
            if message.traditional and (region != "mainland" or message.written_traditional) else "simplified",
            region=region,
            withdrew=pulls_back,
            left=left,
            indoors=bool(self.dialogue.indoors.search(text)),
            # (abroad, or in Hong Kong, Macau or Taiwan with ta on the mainland: "我喺香港 我表弟喺東莞", walk 71)
            far=bool(theirs := self.risk.theirs(folded)) and (
                region.startswith(ABROAD) or (region in ("hk", "tw", "mo") and theirs != region)),
            away=bool(self.dialogue.away.search(text)),
            risk=risk,
            scams=scams,
            figures=figures,
            lender=lender,
            domain=domain,
            small_talk=small_talk,
            vague=vague,
            announce=announce,
            wants_to_ask=wants or greets,
            act=act,
            going=going,
            # the classifier's "something else" is not believed of a question only the context can answer
            off_topic=not domain and (asks_other or (
                act == "off_topic" and odds["off_topic"] >= self.dialogue.acts["off_topic"]
                and not leans)),
            says_off_topic=not domain and asks_other,
            # "有", "没有" in a conversation answer what was said before: never read alone
            follow_up=follow_up or bool(state.turns and self.dialogue.yes_or_no(bare)),
            leans=leans,
            correction=bool(correction),
            said_instead=text[correction.end():].strip(" ,.") if correction else (
                text[instead.end():].strip(" ,.") if instead else ""),
            redirect=bool(instead or self.dialogue.redirect.search(text)),
            threat=threat,
            threat_soon=threat and bool(self.dialogue.threat_soon.search(text)),
            wants_to_talk=talk,
            retaliation=retaliation,
            bereaved=bereaved,
            paying=bool(self.dialogue.paying.search(text)),
            danger=danger,
            # ("室友说她在房间里，门锁着" is not found, walk 81: behind a locked door, not yet seen)
            found=state.helper and bool(self.dialogue.found.search(text)) and not locked_in,
            holding=(state.helper or risk.helper) and bool(self.dialogue.holding.search(text)),
            third_party=bool(self.dialogue.third_party.search(text)),
            danger_where="car" if self.dialogue.danger_car.search(text) else "street"
            if self.dialogue.danger_street.search(text) else "work" if self.dialogue.danger_work.search(text) else "",
            danger_still=bool(self.dialogue.danger_still.search(text)),
            danger_over=bool(self.dialogue.danger_over.search(text)),
            side_effect=bool(self.dialogue.side_effect.search(text)),
            symptom=symptom,
            pregnancy_sign=bool(self.dialogue.pregnancy_sign.search(text)),
            police_worry=bool(self.dialogue.police_worry.search(text)),
            low_battery=low_battery,
            insurance=("accident" if self.dialogue.accident_cover.search(text) else "other")
            if self.dialogue.insurance.search(text) else "",
            cant_hear="known:cant_hear" in state.shown or cant_hear,
            driving=driving,
            cry_for_help=bool(self.dialogue.cry_for_help.search(bare)),
            silent=(danger or bool(self.dialogue.police_asked.search(text))) and bool(self.dialogue.silent.search(text)),
            number_asked=bool(self.dialogue.number_asked.search(text)),
            child_alone=bool(self.dialogue.child_alone.search(text)),
            locked_in=locked_in,
            police_first=bool(self.dialogue.police_first.search(text)),
            police_script=bool(self.dialogue.police_script.search(text)),
            wants_letter=bool(self.dialogue.letter_request.search(text)),
            self_harm_answer=answer,
            asked_language=asked_language,
            asks_simplified=bool(self.dialogue.simplified.search(text)),
            past_thoughts=past_no,
            stop_asking=state.risk != "none" and bool(self.dialogue.stop_asking.search(text)),
            safe_now=state.risk != "none" and bool(self.dialogue.safe_now.search(text)),
            why_asked=awaiting_answer and bool(self.dialogue.why_asked.search(text)),
            better=better,
            misread=misread,
            wont_act=bool(self.dialogue.wont_act.search(text)),
            agrees=bool(self.dialogue.agrees.search(text)),
            hungry=bool(self.dialogue.hungry.search(text)),
            occasion=occasion,
            wish_asked=bool(occasion) and bool(self.dialogue.wish_asked.search(text)),
            says_fine=says_fine,
            by_words=by_words,
            worried=worried,
            helpless=inquiry != text,
            took_back=joke and (better or answer == "no"),
            reached_out=reached_out,
            secret=bool(self.risk.patterns["secret"].search(written.lower())),
            how_to_talk=told_fine and asks,
            told_fine=told_fine,
            question=asks,
            yes_no=bool(self.dialogue.yes_no.search(text)),
            rate_asked=bool(rate_asks),
            rate_named=any(m.group("named") or m.group("named_en") for m in rate_asks),
            balance_asked=bool(self.dialogue.balance_question.search(text)),
            in_care=in_care,
            at_hospital=cared,
            help_called=help_called,
            leads=leads,
            not_heard=not_heard,
            complaint_only=complaint_only,
            unseen=bool(self.dialogue.unseen.search(text)),
            come_back=bool(self.dialogue.come_back.search(text)),
            where_were_we=bool(self.dialogue.where_were_we.search(text)),
            back_better=bool(self.dialogue.back_better.search(text)),
            report_fear=bool(self.dialogue.report_fear.search(text)),
            drunk=bool(self.dialogue.drunk.search(text)),
            helper_fear=bool(self.dialogue.helper_fear.search(text)),
            privacy_asked=privacy_asked,
            article=requested_article(text, self.laws) or crime_article(text, self.dialogue.crimes),
            helper_done=bool(self.dialogue.helper_done.search(text)),
            helper_doctor=(state.helper or risk.helper) and asks_doctor,
            police_wait=bool(self.dialogue.police_wait.search(text)),
            ta_near=bool(self.dialogue.ta_near.search(text)),
            go_to_ta=bool(self.dialogue.go_to_ta.search(text)),
            dear=self.dear(text) if risk.reason == "reason to live" else "",
            too_long=len(bare) <= TOO_LONG_CHARS and bool(self.dialogue.too_long.search(text)),
            facts=facts,
            known=known,
            vector=vector if vector is not None else np.zeros(0, dtype=np.float32),
        )
