"""The real python-telegram-bot Application, end to end over HTTP against a fake Bot API server."""

from __future__ import annotations

import asyncio
import logging
import signal
import subprocess
import sys

import pytest

from bot.config import ROOT
from bot.core.render import TELEGRAM_LIMIT, utf16_len
from bot.channels.telegram import FLOOD_LIMIT, TelegramBot, quiet_libraries
from tests.fake_telegram import FakeTelegram
from tests.test_render import assert_valid_telegram_html

TOKEN = "123456:" + "A" * 35


@pytest.fixture()
async def telegram(assistant):
    with FakeTelegram(TOKEN) as fake:
        bot = TelegramBot(assistant)
        app = bot.application(TOKEN, base_url=fake.base_url)
        async with app:
            await bot.post_init(app)
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=1)
            yield fake, bot
            await app.updater.stop()
            await app.stop()


async def test_start_shows_welcome_buttons_and_commands_are_registered(telegram):
    fake, _ = telegram
    fake.user_message("/start")
    sent = await fake.wait_for(lambda s: len(s) >= 1)
    assert "催收应对助手" in sent[0]["text"] and "不保存" in sent[0]["text"] and "不是律师" in sent[0]["text"]
    labels = [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["催收骚扰家人朋友", "威胁恐吓、辱骂", "说要上门或起诉", "利息太高、砍头息", "还不上想协商",
                      "收到法院或律师函"]
    assert {c["command"] for c in fake.commands} == {"help", "rights", "report", "evidence", "rate", "letter", "log",
                                                     "cancel", "reset", "privacy", "about"}


async def test_free_text_gets_a_short_html_answer_with_expansion_buttons(telegram):
    fake, _ = telegram
    fake.user_message("催收天天打电话给我爸妈，还骂人 <很难听> & 威胁")
    sent = await fake.wait_for(lambda s: any("不是法律意见" in m["text"] for m in s))
    text = "\n".join(m["text"] for m in sent)
    assert "<b>情况判断</b>" in text and "《" not in text
    assert all(m["parse_mode"] == "HTML" for m in sent)
    for m in sent:
        assert utf16_len(m["text"]) <= TELEGRAM_LIMIT
        assert_valid_telegram_html(m["text"])
    keyboard = sent[-1]["reply_markup"]["inline_keyboard"]
    assert [b["text"] for row in keyboard for b in row] == ["法律依据", "更多做法", "求助渠道", "取证清单", "👍", "👎"]
    assert keyboard[0][0]["callback_data"] == "cmd:/law"


async def test_expansion_buttons_send_only_that_part(telegram):
    fake, _ = telegram
    fake.user_message("催收说要上门堵我")
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))
    fake.clear()
    fake.press("cmd:/law")
    sent = await fake.wait_for(lambda s: len(s) >= 1)
    assert sent[0]["text"].startswith("<b>法律依据</b>") and "《" in sent[0]["text"] and "情况判断" not in sent[0]["text"]
    fake.clear()
    fake.user_message("/channels")
    sent = await fake.wait_for(lambda s: len(s) >= 1)
    assert sent[0]["text"].startswith("<b>求助渠道</b>") and sent[0]["text"].count("核对于") == 1


async def test_vague_opening_gets_a_question_with_choices(telegram):
    fake, _ = telegram
    fake.user_message("被催收了怎么办")
    sent = await fake.wait_for(lambda s: len(s) >= 1)
    labels = [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert "能说说具体发生了什么吗" in sent[0]["text"] and "威胁恐吓、辱骂" in labels
    fake.clear()
    fake.press("opt:1")
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))


async def test_feedback_answers_the_tap_and_removes_the_votes(telegram):
    fake, bot = telegram
    markup = {"inline_keyboard": [[{"text": "法律依据", "callback_data": "cmd:/law"}],
                                  [{"text": "👍", "callback_data": "fb:up:guide-home-visit"},
                                   {"text": "👎", "callback_data": "fb:down:guide-home-visit"}]]}
    fake.press("fb:up:guide-home-visit", markup=markup)
    await fake.wait_for(lambda s: bool(fake.edits))
    assert bot.store.counts("feedback") == {"up:guide-home-visit": 1}
    assert fake.callback_answers[-1]["text"] == "谢谢你的反馈。"
    assert fake.edits[-1] == {"inline_keyboard": [[{"text": "法律依据", "callback_data": "cmd:/law"}]]}
    assert not fake.sent  # no new message for a vote


async def test_unknown_command_and_photo_caption(telegram):
    fake, _ = telegram
    fake.user_message("/foo")
    await fake.wait_for(lambda s: any("/help" in m["text"] for m in s))
    fake.user_message(None, photo=[{"file_id": "p", "file_unique_id": "q", "width": 1, "height": 1}],
                      caption="催收发来的短信，说要起诉我")
    sent = await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))
    assert any("图片" in m["text"] for m in sent)


async def test_situation_button_and_topic_laws(telegram):
    fake, _ = telegram
    fake.press("opt:2")  # 说要上门或起诉
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))
    fake.press("topic:complaints")
    await fake.wait_for(lambda s: any("法律依据" in m["text"] for m in s))
    assert "answerCallbackQuery" in fake.calls


async def test_commands_rights_report_evidence_privacy_about(telegram):
    fake, _ = telegram
    for command in ["/rights", "/report", "/evidence", "/privacy", "/about", "/help", "/reset"]:
        fake.user_message(command)
    sent = await fake.wait_for(lambda s: any("重新开始" in m["text"] for m in s) and any("关于" in m["text"] for m in s)
                         and any("录音" in m["text"] for m in s) and any("12378" in m["text"] for m in s))
    text = "\n".join(m["text"] for m in sent)
    assert "隐私说明" in text and "知识核对日期" in text and "选一个话题" in text


async def test_crisis_reply_comes_first_without_buttons(telegram):
    fake, _ = telegram
    fake.user_message("欠了太多钱，不想活了")
    sent = await fake.wait_for(lambda s: len(s) >= 1)
    assert len(sent) == 1 and "12356" in sent[0]["text"].splitlines()[1]
    assert "reply_markup" not in sent[0] and "《" not in sent[0]["text"]


async def test_crisis_interrupts_a_tool_and_option_buttons_are_removed_when_answered(telegram):
    fake, _ = telegram
    fake.user_message("/letter")
    sent = await fake.wait_for(lambda s: any(m.get("reply_markup") for m in s))
    keyboard = next(m["reply_markup"] for m in sent if m.get("reply_markup"))
    fake.press("ans:1", markup=keyboard)
    await fake.wait_for(lambda s: bool(fake.edits))
    assert fake.edits[-1] is None
    fake.user_message("我真的不想活了")
    await fake.wait_for(lambda s: any("12356" in m["text"] for m in s))


async def test_non_text_and_edited_messages(telegram):
    fake, _ = telegram
    fake.user_message(None, sticker={"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1,
                                     "is_animated": False, "is_video": False, "type": "regular"})
    await fake.wait_for(lambda s: any("我只能读懂文字" in m["text"] for m in s))
    fake.user_message("征信多久能恢复", edited=True)
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))


async def test_groups_answer_only_when_mentioned_and_warn_about_privacy(telegram):
    fake, _ = telegram
    fake.user_message("催收天天打电话", chat_id=-5, user_id=9, chat_type="group")
    fake.user_message("@guard_bot 催收天天打电话给我同事", chat_id=-5, user_id=9, chat_type="group")
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))
    group = fake.texts(-5)
    assert any("群里的人都能看到" in t for t in group)
    assert sum("情况判断" in t for t in group) == 1


async def test_flood_429_and_5xx_lose_no_reply(telegram):
    fake, _ = telegram
    fake.fail("sendMessage", 429, times=1, retry_after=1)
    fake.fail("sendMessage", 500, times=2)
    fake.user_message("借了一万到手七千")
    sent = await fake.wait_for(lambda s: any("不是法律意见" in m["text"] for m in s), timeout=30)
    assert fake.calls.count("sendMessage") >= len(sent) + 3


async def test_per_user_flood_limit(telegram):
    fake, _ = telegram
    for _ in range(FLOOD_LIMIT + 5):
        fake.user_message("你好", chat_id=42)
    await fake.wait_for(lambda s: len([t for t in fake.texts(42)]) >= FLOOD_LIMIT + 1)
    texts = fake.texts(42)
    assert sum("你发得有点快了" in t for t in texts) == 1
    assert len(texts) == FLOOD_LIMIT + 1


async def test_logs_carry_no_message_text(telegram, caplog):
    fake, _ = telegram
    quiet_libraries()  # what `python -m bot telegram` does before it starts
    caplog.set_level(logging.DEBUG)
    fake.user_message("我的电话是13812345678，催收威胁我")
    await fake.wait_for(lambda s: any("不是法律意见" in m["text"] for m in s))
    assert "13812345678" not in caplog.text and "威胁我" not in caplog.text
    assert TOKEN not in caplog.text


def test_missing_or_bad_token_is_a_one_line_error():
    for token in ["", "not-a-token"]:
        out = subprocess.run([sys.executable, "-m", "bot", "telegram"], cwd=ROOT, capture_output=True, text=True,
                             env={"PATH": "/usr/bin:/bin", "TELEGRAM_BOT_TOKEN": token}, timeout=60)
        assert out.returncode == 2
        assert out.stderr.strip().count("\n") == 0 and "TELEGRAM_BOT_TOKEN" in out.stderr
        assert "Traceback" not in out.stderr


async def test_debug_text_logging_masks_phone_id_and_card_numbers(assistant, caplog):
    caplog.set_level(logging.INFO, logger="bot.channels.telegram")
    with FakeTelegram(TOKEN) as fake:
        bot = TelegramBot(assistant, log_text=True)
        app = bot.application(TOKEN, base_url=fake.base_url)
        async with app:
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=1)
            fake.user_message("催收打我电话13812345678，要我身份证11010519491231002X，转到卡6222 0212 3456 7890 123")
            await fake.wait_for(lambda s: any("不是法律意见" in m["text"] for m in s))
            await app.updater.stop()
            await app.stop()
    assert "催收打我电话[手机号]" in caplog.text and "[身份证号]" in caplog.text and "[银行卡号]" in caplog.text
    for number in ["13812345678", "11010519491231002X", "6222 0212", "3456 7890"]:
        assert number not in caplog.text


def test_sigterm_stops_the_bot_cleanly(tmp_path):
    """The real `python -m bot telegram` process: answers, then exits 0 on SIGTERM without a traceback."""
    with FakeTelegram(TOKEN) as fake:
        env = {"PATH": "/usr/bin:/bin", "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": fake.base_url,
               "COLLECTION_GUARD_DATA": str(tmp_path)}  # its own SQLite store, not the repo's data/
        process = subprocess.Popen([sys.executable, "-m", "bot", "-v", "telegram"], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            fake.user_message("催收天天打电话给我爸妈")
            asyncio.run(fake.wait_for(lambda s: any("不是法律意见" in m["text"] for m in s), timeout=60))
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
        finally:
            process.kill()
    assert process.returncode == 0, stderr[-2000:]
    assert "stopped cleanly" in stderr and "Traceback" not in stderr
    assert TOKEN not in stderr and "爸妈" not in stderr


async def test_rate_flow_step_by_step_and_from_free_text(telegram):
    fake, _ = telegram
    for answer in ["/rate", "ans:3", "10000", "8000", "ans:2", "12", "1000", "0"]:  # choices by their buttons
        fake.press(answer, chat_id=7) if answer.startswith("ans:") else fake.user_message(answer, chat_id=7)
        await asyncio.sleep(0.3)  # one user types one answer after another
    sent = await fake.wait_for(lambda s: any("年化利率约" in m["text"] for m in s))
    question = next(m for m in sent if "怎么还款" in m["text"])
    assert [b["text"] for row in question["reply_markup"]["inline_keyboard"] for b in row] == \
        ["1. 到期一次还清", "2. 按月分期", "3. 按周分期"]
    result = next(m["text"] for m in sent if "年化利率约" in m["text"])
    assert "82.38%" in result and "内部收益率" in result and "第六百七十条" in result
    assert_valid_telegram_html(result)
    fake.user_message("借5000到手3500，7天还5000", chat_id=8)
    sent = await fake.wait_for(lambda s: any("2,234.69%" in m["text"] for m in s))
    assert any("现在可以做" in m["text"] and "情况判断" not in m["text"] for m in sent if int(m["chat_id"]) == 8)


async def test_letter_flow_delivers_message_and_txt_file_then_forgets(telegram):
    fake, bot = telegram
    for answer in ["/letter", "4", "某某金融", "张三"]:
        fake.user_message(answer, chat_id=9)
        await asyncio.sleep(0.3)
    await fake.wait_for(lambda s: any("信写好了" in m["text"] for m in s))
    await fake.wait_for(lambda s: fake.documents)
    document = fake.documents[0]
    assert document["filename"].startswith("letter-delete-data-") and document["filename"].endswith(".txt")
    assert "致某某金融" in document["content"] and "第四十七条" in document["content"] and "张三" in document["content"]
    stored = repr(bot.store.load_session("tg:9"))
    assert "张三" not in stored and "某某金融" not in stored


async def test_log_records_lists_exports_and_clears(telegram):
    fake, bot = telegram
    for answer in ["/log", "刚才", "4", "0755-1234", "打给我妈说我诈骗", "/log list", "/log export", "/log clear",
                   "/log list"]:
        fake.user_message(answer, chat_id=11)
        await asyncio.sleep(0.3)
    await fake.wait_for(lambda s: sum("还没有记录" in m["text"] for m in s) == 1)
    texts = "\n".join(fake.texts(11))
    assert "已记下第 1 条" in texts and "打给我妈说我诈骗" in texts and "已删除 1 条记录" in texts
    names = sorted(d["filename"] for d in fake.documents)
    assert names[0].endswith(".csv") and names[1].endswith(".txt")
    csv_file = next(d["content"] for d in fake.documents if d["filename"].endswith(".csv"))
    assert "联系家人、同事或通讯录" in csv_file and "0755-1234" in csv_file
    assert bot.assistant.tools.log.list("tg:11") == []


async def test_cancel_drops_a_running_flow(telegram):
    fake, _ = telegram
    for answer in ["/letter", "/cancel", "催收天天打电话给我爸妈"]:
        fake.user_message(answer, chat_id=12)
        await asyncio.sleep(0.3)
    await fake.wait_for(lambda s: any("情况判断" in m["text"] for m in s))
    assert any("已取消" in t for t in fake.texts(12))
