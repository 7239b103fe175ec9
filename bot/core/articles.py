"""An article asked for by name and number ("民法典第1034条原文", "刑法253条之一是怎么规定的").

People act on what the bot quotes, so an article the knowledge holds is shown word for word, and one it does
not hold is named as missing, never answered with a different article (walk 45).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.loader import Passage

DIGITS = "零一二三四五六七八九"
# an article number in digits or Chinese numerals ("第1034条", "二百五十三条之一"), after the law's name
NUMBER = re.compile(r"(?:的|里|中|里面|里的|中的)?\s*第?\s*([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})\s*条(之[一二三四五六七八九十])?")
QUOTED = re.compile(r"《([^》]{2,40})》\s*$")
# the end of a law's name written without 《》; what comes before it is the question ("我想看看", "根据")
NAMED = re.compile(r"([\u4e00-\u9fff（）()]{1,30}(?:法典|法|条例|规定|解释|办法|公约|规范|修正案)(?:（[一二三四五六七八九十]+）)?)\s*$")
LEAD = re.compile(r"^.*[问看查说讲按据照是的里在了吗呢把给对和跟与关于]")
ALIASES = {"民诉法": "民事诉讼法", "个保法": "个人信息保护法", "治安法": "治安管理处罚法", "消法": "消费者权益保护法",
           "消保法": "消费者权益保护法", "反诈法": "反电信网络诈骗法"}
# the message asks for the text, not only names the article ("催收说我违反了刑法第266条" is answered as a story)
TEXT_WORDS = r"原文|全文|条文"  # the words of an article asked for, in so many words
WHICH_ARTICLE = r"哪(一)?条|第几条"  # which article
ARTICLE_REQUEST = re.compile(TEXT_WORDS + r"|怎么(规定|说|写|讲)|规定(了)?(什么|啥|些啥)|(说|写|讲)(的|了)?(是)?(什么|啥)|内容|是什么|是啥|"
                             r"引用|念(一下|给我)|给我看|发(一下|给我)|查(一下|下)|(?<![a-z])(what does|text of|quote|wording)(?![a-z])")
# a message that is the citation and little else ("刑法第196条信用卡诈骗罪", "民法典第1024条") asks for it too, unless
# the few words left tell a story ("催收说我违反了刑法第266条")
ALONE_CHARS = 8
STORY = re.compile(r"说|违反|违背|犯了|触犯|涉嫌|告我|告你|按照|根据|依据|因为")
# words of no law in particular ("按照法律规定第三条")
NOT_A_LAW = {"法", "法律", "规定", "办法", "条例", "解释", "方法", "说法", "看法", "想法", "做法", "法规", "合法", "违法", "犯法", "法律规定", "法律法规", "国家规定", "相关规定", "有关规定"}


@dataclass(frozen=True)
class Article:
    law: str  # as written, without 《》 or 中华人民共和国: 民法典, 刑法, 催收管理条例
    article: str  # as the knowledge writes it: 第一千零三十四条, 第二百五十三条之一

    @property
    def label(self) -> str:
        return f"《{self.law}》{self.article}"


def chinese_number(n: int) -> str:
    """1034 -> 一千零三十四, 10 -> 十, 253 -> 二百五十三 (as statute articles are numbered)."""
    if n == 0:
        return DIGITS[0]
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and parts:
                parts.append(DIGITS[0])
            parts.append(("" if unit == "十" and digit == 1 and not parts else DIGITS[digit]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def asked_article(text: str, known: tuple[str, ...] = ()) -> Article | None:
    """The article the message names, or None. `known` are the laws the knowledge quotes (without
    中华人民共和国): a name written without 《》 is read as the longest of them it ends with."""
    for found in NUMBER.finditer(text):
        before = text[max(0, found.start() - 40):found.start()].rstrip()
        quoted, named = QUOTED.search(before), NAMED.search(before)
        if quoted:
            law = quoted.group(1).removeprefix("中华人民共和国")
        elif named:
            words = named.group(1)
            law = max((name for name in (*known, *ALIASES) if words.endswith(name)), key=len, default="") \
                or LEAD.sub("", words).removeprefix("中华人民共和国")
        else:
            continue
        law = ALIASES.get(law, law)
        if law in NOT_A_LAW or len(law) < 2:
            continue
        number = found.group(1)
        number = chinese_number(int(number)) if number.isdigit() else number.replace("两", "二").replace("〇", "零")
        return Article(law, f"第{number}条{found.group(2) or ''}")
    return None


def requested_article(text: str, known: tuple[str, ...] = ()) -> Article | None:
    """The article whose text the message asks for: named with words that ask (ARTICLE_REQUEST), or named alone."""
    article = asked_article(text, known)
    if article is None or ARTICLE_REQUEST.search(text):
        return article
    names = [article.law, *(alias for alias, law in ALIASES.items() if law == article.law), "中华人民共和国"]
    rest = NUMBER.sub("", text)
    for name in names:
        rest = rest.replace(name, "")
    left = re.findall(r"[\u4e00-\u9fff]|[a-z0-9]+", rest.lower())
    return article if len(left) <= ALONE_CHARS and not STORY.search(rest) else None


# asked which article a crime is ("非法拘禁罪是哪条"), besides the words that ask for a text
STRONG_REQUEST = re.compile(rf"{TEXT_WORDS}|怎么(规定|写)|规定(了)?(什么|啥)|{WHICH_ARTICLE}|"
                            r"(?<![a-z])(text of|quote|which article)(?![a-z])")
WHICH = re.compile(rf"{WHICH_ARTICLE}|哪部法|什么法|法条|法律(上)?怎么|"
                   r"(?<![a-z])(which (article|law)|what (law|article))(?![a-z])")


def crime_article(text: str, crimes: tuple[tuple[re.Pattern[str], Article], ...]) -> Article | None:
    """The article of a crime named and asked about as law ("敲诈勒索罪怎么规定的", "侵犯公民个人信息罪" alone), or None;
    "这算不算寻衅滋事" asks about the facts and is answered from the passages."""
    for words, article in crimes:
        found = words.search(text)
        if found is None:
            continue
        rest = re.findall(r"[\u4e00-\u9fff]|[a-z0-9]+", (text[:found.start()] + text[found.end():]).lower())
        if STORY.search(text):  # "说我涉嫌诈骗罪 上面写的什么": a story, unless the article itself is asked for
            if STRONG_REQUEST.search(text):
                return article
            continue
        if ARTICLE_REQUEST.search(text) or WHICH.search(text) or len([c for c in rest if c != "罪"]) <= 2:
            return article
    return None


def find_article(passages: list[Passage], asked: Article) -> Passage | None:
    """The passage quoting that article of that law, if the knowledge holds it."""
    for passage in passages:
        cited = passage.citation
        if cited and cited.article == asked.article and passage.quote:
            name = cited.law.removeprefix("中华人民共和国")
            if asked.law in name or name in asked.law:
                return passage
    return None
