"""The borrower's tools: rate arithmetic, the guided flows, the incident log, scam warnings, redaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.tools.flows import load_flows
from bot.tools.incidents import Incident, IncidentLog, to_csv
from bot.knowledge.loader import KnowledgeError
from bot.tools.rates import Loan, RateInputError, annual_rate, load_lpr, parse_loan, to_number
from bot.channels.redact import redact
from bot.tools.dispatch import Session
from tests.conftest import DATA

TOOL_QUESTIONS = [json.loads(line) for line in (DATA / "tools.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("loan, annual, effective, method", [
    (Loan(5000, 3500, 5000, days=7), 2234.69, 2234.69, "simple"),  # 1500/3500*365/7
    (Loan(10000, 10000, 1000, count=12), 35.07, 41.30, "irr"),  # monthly IRR 2.9229%
    (Loan(10000, 8000, 1000, count=12), 82.38, 121.84, "irr"),  # monthly IRR 6.8653%
    (Loan(1000, 1000, 1100, days=365), 10.0, 10.0, "simple"),
    (Loan(10000, 10000, 1000, count=10), 0.0, 0.0, "irr"),  # repay exactly what arrived: no cost
    (Loan(3000, 2400, 400, count=8, period="week"), 357.57, 3075.85, "irr"),  # (1+6.876%)^52 - 1
])
def test_annual_rate_matches_hand_checked_cases(loan, annual, effective, method):
    result = annual_rate(loan)
    assert result.method == method
    assert result.annual_percent == pytest.approx(annual, abs=0.01)
    assert result.effective_percent == pytest.approx(effective, rel=0.01, abs=0.01)


def test_fees_paid_separately_reduce_the_money_in_use():
    plain, with_fees = annual_rate(Loan(10000, 10000, 1000, count=12)), annual_rate(
        Loan(10000, 10000, 1000, count=12, fees=2000))
    assert with_fees.in_use == 8000 and with_fees.annual_percent == pytest.approx(82.38, abs=0.01)
    assert plain.annual_percent < with_fees.annual_percent


@pytest.mark.parametrize("loan, words", [
    (Loan(-5000, 3500, 5000, days=7), "大于0"),
    (Loan(5000, 0, 5000, days=7), "大于0"),
    (Loan(5000, 6000, 6000, days=7), "填反"),
    (Loan(5000, 3500, 5000, days=0), "天数"),
    (Loan(5000, 3500, 5000, days=100000), "天数"),
    (Loan(5000, 3500, 500, count=5000), "期数"),
    (Loan(5e9, 3500, 5000, days=7), "一亿"),
    (Loan(5000, 3500, 500, count=12, fees=3500), "费用"),
    (Loan(5000, 3500, 500, count=12, period="day"), "每月"),
])
def test_bad_loans_get_a_clear_message(loan, words):
    with pytest.raises(RateInputError, match=words):
        annual_rate(loan)


def test_chinese_numbers_and_free_text_loans():
    assert [to_number(t) for t in ["5000", "1.2万", "3k", "七千", "三千五", "一万二", "十二", "两千"]] == \
        [5000, 12000, 3000, 7000, 3500, 12000, 12, 2000]
    assert parse_loan("借5000到手3500，7天还5000") == Loan(5000, 3500, 5000, days=7)
    assert parse_loan("借款1万，实际到账8000，每月还1000，还12期") == Loan(10000, 8000, 1000, count=12)
    assert parse_loan("借三千到手两千四，每周还400，共8周") == Loan(3000, 2400, 400, count=8, period="week")
    assert parse_loan("网贷利息太高了") is None and parse_loan("借了5000，7天还") is None


def test_lpr_comes_from_data_with_dates(knowledge_copy: Path):
    lpr = load_lpr(knowledge_copy / "data" / "lpr.yaml")
    assert lpr.percent > 0 and lpr.published and lpr.checked and lpr.source
    (knowledge_copy / "data" / "lpr.yaml").write_text("one_year_lpr_percent: 3.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lpr.yaml: field 'published' is missing"):
        load_lpr(knowledge_copy / "data" / "lpr.yaml")


def test_flow_definitions_are_validated(knowledge_copy: Path):
    path = knowledge_copy / "tools.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: choice\n    ask: 怎么还款？",
                                                               "type: pick\n    ask: 怎么还款？"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"tools.yaml: rate step 3 \(plan\): 'type' must be one of"):
        load_flows(path)


def test_incident_log_persists_only_encrypted(tmp_path: Path):
    key = Fernet.generate_key().decode()
    path = tmp_path / "log.bin"
    log = IncidentLog(path, key)
    log.add("tg:1", Incident("2026-11-28 10:00", "昨天", "打电话", "13812345678", "说要上门"))
    assert "13812345678".encode() not in path.read_bytes() and oct(path.stat().st_mode)[-3:] == "600"
    reopened = IncidentLog(path, key)
    assert reopened.list("tg:1")[0].what == "说要上门" and reopened.list("tg:2") == []
    with pytest.raises(ValueError, match="cannot be decrypted"):
        IncidentLog(path, Fernet.generate_key().decode())
    with pytest.raises(ValueError, match="COLLECTION_GUARD_LOG_KEY is not"):
        IncidentLog(path, None)
    assert reopened.clear("tg:1") == 1 and IncidentLog(path, key).list("tg:1") == []
    assert IncidentLog().persistent is False


def test_csv_export_opens_in_excel_with_chinese_headers():
    table = to_csv([Incident("2026-11-28 10:00", "昨天", "上门", "张某", "堵门，说\"不还就别想走\"")])
    assert table.startswith("\ufeff记录时间,发生时间,方式,对方,经过")
    assert '"堵门，说""不还就别想走"""' in table


@pytest.mark.parametrize("question", TOOL_QUESTIONS, ids=lambda q: q["text"][:12])
def test_own_tool_questions(assistant, question):
    reply = assistant.reply(question["text"])
    names = [s.name for s in reply.scams]
    if question["scam"]:
        assert any(question["scam"] in n for n in names), names
        assert reply.mode == "answer"
        assert assistant.renderer.plain(reply).startswith("⚠️ 防骗提醒")
    else:
        assert names == []
    if "rate" in question:
        assert reply.rate is not None and reply.rate.annual_percent == pytest.approx(question["rate"], abs=0.01)


def test_crisis_still_comes_before_a_scam_warning(assistant):
    text = assistant.renderer.plain(assistant.reply("他们让我转到个人账户，我真的不想活了"))
    assert text.index("400-161-9995") < text.index("防骗提醒")


def test_tools_flow_and_cancel_in_the_core(assistant):
    session = Session(user="t")
    assert assistant.tools.handle(session, "催收骚扰我") is None  # not a tool: the normal answer
    assistant.tools.handle(session, "/rate")
    turn = assistant.tools.handle(session, "五千块")
    assert session.flow.answers == {"contract": 5000}
    turn = assistant.tools.handle(session, "abc")
    assert turn.pages[0].values["problem"].startswith("请只回复一个数字")
    assistant.tools.handle(session, "/cancel")
    assert session.flow is None
    turn = assistant.tools.handle(session, "/rate 借5000到手3500，7天还5000")
    assert turn.pages[0].name == "rate_result.j2" and session.flow is None


def test_redaction_masks_identifying_numbers_only():
    assert redact("电话13812345678，+86 139 1234 5678") == "电话[手机号]，[手机号]"
    assert redact("身份证11010519491231002X") == "身份证[身份证号]"
    assert redact("卡号6222 0212 3456 7890 123") == "卡号[银行卡号]"
    assert redact("座机010-12345678") == "座机[电话]"
    assert redact("借5000到手3500，2026年11月28日，7天还5000") == "借5000到手3500，2026年11月28日，7天还5000"


def test_crisis_interrupts_a_running_tool(assistant):
    session = Session(user="c")
    assistant.respond(session, "/letter")
    result = assistant.respond(session, "我撑不下去了，想自杀")
    assert getattr(result, "mode", None) == "crisis" and session.flow is None
    assistant.respond(session, "/log")
    assert assistant.respond(session, "催收说要打死我全家").pages[0].name == "ask.j2"  # a threat, an answer


def test_tool_pages_are_valid_telegram_html_whatever_the_user_typed(assistant):
    from bot.core.render import TELEGRAM_LIMIT, split_message, utf16_len
    from tests.test_render import assert_valid_telegram_html

    session = Session(user="h")
    answers = ["/letter", "2", "<b>坏&平台", "跳过", "1", "<i>每天</i> 打电话 " * 200, "截图 & 录音", "<请>处理"]
    turns = [assistant.respond(session, a) for a in answers]
    assert turns[-1].files and "<b>坏&平台" in turns[-1].files[0].content  # the file is plain text
    for turn in turns:
        for page in turn.pages:
            for part in split_message(assistant.renderer.page(page.name, html=True, **page.values)):
                assert utf16_len(part) <= TELEGRAM_LIMIT
                assert_valid_telegram_html(part)
