"""Crisis first, every time; a collector's threat is a threat; off-topic messages are recognised."""

from __future__ import annotations

import pytest

CRISIS = [
    "我真的撑不下去了，想一死了之", "欠了太多钱，活着没意思，不如跳楼算了", "I want to end my life, I can't pay these loans",
    "我不想活了", "想自杀", "網貸逼得我想死", "准备好了安眠药", "I'm thinking about killing myself",
]
THREATS = ["催收说要弄死我", "催收让我去死", "催收骂我怎么不去跳楼", "对方说不还钱就打死你"]
OFF_TOPIC = ["今天天气怎么样", "帮我写一首关于春天的诗", "What's the capital of France?", "😀😀", "???", "   ", "1234"]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_leads_with_hotlines(assistant, text):
    reply = assistant.reply(text)
    assert reply.mode == "crisis"
    rendered = assistant.renderer.plain(reply)
    assert rendered.index("400-161-9995") < rendered.index("12348")  # hotlines before the answer and its closing note
    assert "12356" in rendered and "010-82951332" in rendered and "110" in rendered


@pytest.mark.parametrize("text", THREATS)
def test_collector_threat_is_not_a_crisis(assistant, text):
    reply = assistant.reply(text)
    assert reply.mode == "answer"
    assert "threats_insults" in {t for h in reply.hits[:5] for t in h.passage.topics}


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_off_topic_gets_what_the_bot_can_do(assistant, text):
    reply = assistant.reply(text)
    assert reply.mode == "out_of_scope"
    rendered = assistant.renderer.plain(reply)
    assert "催收应对助手" in rendered and rendered.count("· ") == 3
    assert "你的权利" not in rendered and "《" not in rendered
