"""Replies are structured, follow the user's script, and Telegram HTML is escaped and split safely."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from bot.core.compose import short_quote
from bot.core.dialogue import Session
from bot.core.render import TELEGRAM_LIMIT, split_message, utf16_len

TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                 "tg-spoiler", "span", "blockquote", "tg-emoji"}


class TelegramHtmlCheck(HTMLParser):
    """Fails on tags Telegram does not know and on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in TELEGRAM_TAGS, tag
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, tag


def assert_valid_telegram_html(part: str) -> None:
    assert re.search(r"&(?!(amp|lt|gt|quot|#\d+);)", part) is None, "bare ampersand"
    check = TelegramHtmlCheck()
    check.feed(part)
    check.close()
    assert check.stack == []


def test_first_answer_is_short_and_opens_up_on_request(assistant):
    session = Session(user="r")
    reply = assistant.respond(session, "催收天天打电话给我爸妈")
    text = assistant.renderer.plain(reply)
    assert "情况判断" in text and "现在可以做" in text and "求助" in text
    assert len(re.findall(r"^\d\. ", text, flags=re.M)) <= 3 and len(text) <= 350
    assert "《" not in text and "核对于" not in text  # laws and dates are in the parts
    assert text.strip().splitlines()[-1] == "这是一般性的法律信息，不是法律意见；具体情况可以打 12348 咨询法律援助。"
    assert [b.send for b in reply.buttons] == ["/law", "/more", "/channels", "/evidence"]
    laws = assistant.renderer.plain(assistant.respond(session, "/law"))
    assert laws.startswith("法律依据") and "《" in laws and "第" in laws
    channels = assistant.renderer.plain(assistant.respond(session, "求助渠道"))
    assert channels.count("核对于") == 1  # the date once, at the foot
    again = assistant.renderer.plain(assistant.respond(session, "他们还打给我同事"))
    assert "一般性的法律信息" not in again  # the disclaimer once per conversation


def test_traditional_in_traditional_out_taiwan_usage(assistant):
    reply = assistant.reply("催收一直打給我的同事，我該怎麼辦")
    assert reply.script == "tw"
    text = assistant.renderer.plain(reply)
    assert "情況判斷" in text and "情况判断" not in text
    assert "覈對" not in text and "纔" not in text


@pytest.mark.parametrize("script", ["tw", "hk"])
def test_fa_is_hair_only_where_it_is_hair(script):
    """OpenCC writes 被发到群里 as 被髮到 (hair), 发卡行 as 髮卡行 (walk 33, 2026-11-30)."""
    from bot.core.textnorm import convert_script

    text = convert_script("照片被发到群里，联系发卡行，保留发送记录，一直发短信，头发掉了，理发店", script)
    assert text.count("發") == 4 and text.count("髮") == 2, text


@pytest.mark.parametrize("script", ["tw", "hk"])
def test_kun_is_sleepy_only_where_it_is_sleepy(script):
    """OpenCC writes 备好困难证明 as 備好睏難證明 (sleepy) (walk 37, 2026-11-30)."""
    from bot.core.textnorm import convert_script

    text = convert_script("备好困难证明，经济困境，我好困", script)
    assert "困難" in text and "困境" in text and "睏難" not in text and text.endswith("睏"), text


def test_cantonese_gets_hong_kong_usage(assistant):
    reply = assistant.reply("財仔日日打電話去我公司，點算")
    assert reply.script == "hk" and reply.region == "hk"


def test_simplified_stays_simplified(assistant):
    text = assistant.renderer.plain(assistant.reply("催收一直打给我的同事"))
    assert "情况判断" in text and "情況判斷" not in text


def test_html_escapes_knowledge_text_and_uses_only_telegram_tags(assistant):
    reply = assistant.reply("借了一万到手七千是砍头息吗")
    hit = reply.hits[0]
    poisoned = replace(hit.passage, steps=("<script>alert(1)</script> & 比较 a<b",) + hit.passage.steps)
    reply = replace(reply, hits=(replace(hit, passage=poisoned),) + reply.hits[1:],
                    steps=("<script>alert(1)</script> & 比较 a<b",) + reply.steps)
    parts = assistant.renderer.html(reply)
    joined = "\n".join(parts)
    assert "<script>" not in joined and "&lt;script&gt;" in joined and "&amp; 比较 a&lt;b" in joined
    assert "<b>情况判断</b>" in joined or "<b>现在可以做</b>" in joined
    for part in parts:
        assert_valid_telegram_html(part)


def test_long_replies_split_at_paragraphs_within_the_limit(assistant):
    reply = assistant.reply("催收威胁我")
    reply = replace(reply, steps=tuple(f"第{i}步：保存证据 😀 " * 20 for i in range(60)))
    parts = assistant.renderer.html(reply)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(part) <= TELEGRAM_LIMIT
        assert_valid_telegram_html(part)
    assert "\n\n".join(parts).count("保存证据") == 60 * 20


@pytest.mark.parametrize("size", [1, 4095, 4096, 4097, 9000])
def test_split_counts_utf16_units(size):
    text = "😀" * size  # two UTF-16 units each
    parts = split_message(text)
    assert all(utf16_len(p) <= TELEGRAM_LIMIT for p in parts)
    assert "".join(parts) == text


def test_hard_split_never_cuts_a_tag_or_entity():
    line = "<b>" + "a&amp;b" * 2000 + "</b>"
    parts = split_message(line, limit=100)
    for part in parts:
        assert_valid_telegram_html(part)
    assert "".join(parts) == "a&amp;b" * 2000


def test_short_quote_cuts_at_line_end_and_marks_it():
    quote = "第一行。\n第二行。\n第三行。\n第四行。"
    assert short_quote(quote) == "第一行。\n第二行。\n第三行。……"
    assert short_quote("只有一行。") == "只有一行。"


def test_long_message_is_cut_for_retrieval_with_a_note(assistant):
    reply = assistant.reply("催收天天打电话给我爸妈。" + "我很着急。" * 400)
    assert reply.truncated and reply.mode == "answer"
    assert "你的消息很长" in assistant.renderer.plain(reply)


def test_a_message_in_neither_script_keeps_the_reply_in_the_script_in_use(assistant):
    """"咁合唔合法" has no character that differs between the scripts: a Hong Kong reader keeps traditional."""
    session = Session(user="hk")
    assert assistant.respond(session, "財仔日日打電話去我公司，點算").script == "hk"
    reply = assistant.respond(session, "咁合唔合法㗎？")
    assert reply.script == "hk"
    assert assistant.respond(session, "他们还打给我妈").script == "simplified"  # simplified shows itself
