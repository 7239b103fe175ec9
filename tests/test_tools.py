"""The borrower's tools: rate arithmetic, the guided flows, the incident log, scam warnings, redaction."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.tools.dispatch import Turn
from bot.tools.flows import AnswerError, Step, load_flows
from bot.tools.incidents import Incident, IncidentLog, to_csv
from bot.knowledge.loader import KnowledgeError
from bot.tools.rates import Loan, RateInputError, annual_rate, load_lpr, parse_loan, to_number
from bot.channels.redact import redact
from bot.core.dialogue import Session
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


def test_lpr_comes_from_data_with_its_own_dates(knowledge_copy: Path):
    lpr = load_lpr(knowledge_copy / "data" / "lpr.yaml")
    assert lpr.percent > 0 and lpr.published == "2025-05-20" and lpr.source
    assert lpr.reverified is None and lpr.note() == "2025-05-20公布，之后未再核实"  # never "checked" when it was not
    path = knowledge_copy / "data" / "lpr.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reverified: false", "reverified: 2026-12-01"),
                    encoding="utf-8")
    assert load_lpr(path).note() == "2025-05-20公布，2026-12-01核实仍为最新值"
    path.write_text(path.read_text(encoding="utf-8").replace("reverified: 2026-12-01", "reverified: soon"),
                    encoding="utf-8")
    with pytest.raises(ValueError, match="reverified must be the date"):
        load_lpr(path)
    path.write_text("one_year_lpr_percent: 3.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lpr.yaml: field 'published' is missing"):
        load_lpr(path)


def test_flow_definitions_are_validated(knowledge_copy: Path):
    path = knowledge_copy / "tools.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: choice\n    ask: 怎么还款？",
                                                               "type: pick\n    ask: 怎么还款？"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"tools.yaml: rate step 4 \(plan\): 'type' must be one of"):
        load_flows(path)
    path.write_text(path.read_text(encoding="utf-8").replace("stop: [stop]", "stop: [halt]"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"letter step 3 \(proceed\): 'stop' must list"):
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
    reply = assistant.reply("他们让我转到个人账户，我真的不想活了")
    text = assistant.renderer.plain(reply)
    assert reply.mode == "crisis" and text.index("12356") < text.index("先别转账")


def test_tools_flow_and_cancel_in_the_core(assistant):
    session = Session(user="t")
    assert assistant.tools.handle(session, "催收骚扰我") is None  # not a tool: the normal answer
    turn = assistant.tools.handle(session, "/rate")
    assert turn.pages[1].values["options"][0].startswith("1. 银行、信用卡")  # who lent comes first
    turn = assistant.tools.handle(session, "五千块")
    assert turn.pages[0].values["problem"].startswith("请回复序号 1 到 3")
    assistant.tools.handle(session, "个人")
    turn = assistant.tools.handle(session, "五千块")
    assert session.flow.answers == {"lender": "private", "contract": 5000}
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
    answers = ["/letter", "2", "<b>坏&平台", "跳过", "1", "1 3", "<i>每天</i> 打电话 " * 200, "截图 & 录音", "<请>处理"]
    turns = [assistant.respond(session, a) for a in answers]
    assert turns[-1].files and "<b>坏&平台" in turns[-1].files[0].content  # the file is plain text
    for turn in turns:
        for page in turn.pages:
            for part in split_message(assistant.renderer.page(page.name, html=True, **page.values)):
                assert utf16_len(part) <= TELEGRAM_LIMIT
                assert_valid_telegram_html(part)


# --- the interest check by lender type, and letters that protect the writer (issue 10) ---------------

LOAN_35 = ["10000", "10000", "2", "12", "1000", "0"]  # 35.07% a year, nothing taken up front
LOAN_15 = ["10000", "10000", "1", "365", "11500", "0"]  # 15% a year: over 4 x LPR (12%), under 24%
LOAN_CUT = ["10000", "8000", "2", "12", "1000", "0"]  # 82.38% a year, 2,000 taken up front


def _tool(assistant, answers, session=None):
    """Answers sent straight to the tools (not through the conversation core): the last Turn and the session."""
    session = session or Session(user="tool")
    turn = None
    for answer in answers:
        turn = assistant.tools.handle(session, answer)
    return turn, session


def _text(assistant, turn) -> str:
    return "\n".join(assistant.renderer.page(page.name, **page.values) for page in turn.pages)


def test_rate_for_a_licensed_lender_routes_to_complaint_and_court_never_refusal(assistant):
    turn, session = _tool(assistant, ["/rate", "1", *LOAN_35])
    text = _text(assistant, turn)
    assert "35.07%" in text and "四倍LPR上限不适用" in text and "在24%到36%之间" in text
    assert "投诉" in text and "协商" in text and "调减" in text and "不要自行停止还款" in text
    assert "本金仍然要还" in text and "2017年最高人民法院" in text and "不是法条" in text
    assert not re.search("拒付|拒绝支付|可以不付|高利贷|合同无效|非法放贷|第二十五条", text)
    assert session.dialogue.lender == "licensed"  # the answer is remembered by the conversation


def test_rate_for_a_private_lender_applies_four_times_lpr_with_excess_advice(assistant):
    text = _text(assistant, _tool(assistant, ["/rate", "2", *LOAN_15])[0])
    assert "15.00%" in text and "12.00%" in text and "你的借款超过这条线" in text
    assert "法院不支持" in text and "抵扣本金" in text and "没到24%" in text  # between 4 x LPR and 24%
    assert "2025-05-20公布，之后未再核实" in text and "核对于" not in text
    assert "本金仍然要还" in text and "持牌机构的借款" not in text and "如果是银行" not in text


def test_rate_with_unknown_lender_gives_both_branches_and_the_upfront_cut(assistant):
    text = _text(assistant, _tool(assistant, ["/rate", "3", *LOAN_CUT])[0])
    assert "如果是个人或无资质平台借的" in text and "如果是银行、信用卡" in text
    assert "第六百七十条" in text and "按实际到手的 8,000 元认定" in text and "第六百八十条" not in text
    assert "看合同里“贷款人/出借人”的全称" in text


def test_rate_uses_the_lender_the_conversation_already_knows(assistant):
    session = Session(user="k")
    session.dialogue.lender = "licensed"
    text = _text(assistant, assistant.tools.handle(session, "/rate 借5000到手3500，7天还5000"))
    assert "持牌机构的借款" in text and "个人或无资质平台" not in text
    assistant.tools.handle(session, "/rate")
    assert session.flow.answers == {"lender": "licensed"}  # not asked again


def test_multi_choice_answers():
    step = Step("happened", "发生了哪些事？", "multi", {"a": "打电话", "b": "上门", "c": "威胁"})
    assert step.parse("1 3") == ["a", "c"] and step.parse("3、1，1") == ["a", "c"] and step.parse("上门") == ["b"]
    with pytest.raises(AnswerError, match="可以多选"):
        step.parse("1 7")


def test_negotiation_letter_warns_about_old_debts_first_and_confirms_no_amount(assistant):
    session = Session(user="n")
    assistant.tools.handle(session, "/letter")
    ask = assistant.tools.handle(session, "3").pages[0].values["ask"]
    assert "诉讼时效" in ask and "第一百九十二条" in ask  # before anything is written
    turn, _ = _tool(assistant, ["1", "某某消费金融", "李四", "失业三个月", "每月还500元"], session)
    letter = turn.files[0].content
    assert "不构成对贵方主张的欠款金额的确认" in letter and "对利息、罚息、违约金及各项费用的计算保留异议" in letter
    assert "欠款明细" in letter and "不放弃包括诉讼时效" not in letter


def test_an_old_debt_can_stop_the_letter_or_get_one_that_acknowledges_nothing(assistant):
    turn, session = _tool(assistant, ["/letter", "3", "2", "2"])
    assert not turn.files and session.flow is None
    assert "不要书面或在微信里承认欠款" in _text(assistant, turn) and "12348" in _text(assistant, turn)
    turn, _ = _tool(assistant, ["/letter", "3", "3", "1", "某平台", "跳过", "失业", "每月500"])
    letter = turn.files[0].content
    assert "不构成本人对上述债务的承认或同意履行" in letter and "不放弃包括诉讼时效在内的任何抗辩" in letter
    assert "特申请协商还款" not in letter and "不构成对贵方主张的欠款金额的确认" in letter


@pytest.mark.parametrize("picked, present, absent", [
    ("3", ["频繁打电话、发短信", "第一千零三十三条"], ["通讯录", "个人信息保护法", "名誉", "家人"]),
    ("2 5", ["擅自使用本人通讯录", "个人信息保护法》第十条", "名誉"], ["第一千零三十三条", "威胁"]),
    ("9", [], ["第一千零三十三条", "个人信息保护法", "名誉", "被投诉方或其委托的催收人员对本人有以下行为"]),
])
def test_complaint_letter_alleges_only_what_the_user_reported(assistant, picked, present, absent):
    turn, _ = _tool(assistant, ["/letter", "2", "某平台", "跳过", "2", picked, "11月起每天来电", "跳过", "请处理"])
    letter = turn.files[0].content
    assert "11月起每天来电" in letter
    assert all(p in letter for p in present), letter
    assert not any(a in letter for a in absent), letter


@pytest.mark.parametrize("liable, says, never", [
    ("1", "他们不是本笔借款的借款人或担保人，没有还款义务", "除外"),
    ("2", "为本笔借款签署担保或共同借款的人除外", "没有还款义务"),
    ("3", "为本笔借款签署担保或共同借款的人除外", "没有还款义务"),
])
def test_contact_letter_says_family_owe_nothing_only_when_the_user_says_no_one_signed(assistant, liable, says, never):
    turn, _ = _tool(assistant, ["/letter", "1", "某平台", "跳过", "天天打电话给我妈", liable])
    letter = turn.files[0].content
    assert says in letter and never not in letter and "天天打电话给我妈" in letter



def test_payments_that_add_up_to_less_than_was_received_are_refused_not_a_negative_rate():
    with pytest.raises(RateInputError, match="已经还了几期不是总期数"):
        annual_rate(Loan(contract=10000, received=7000, payment=1100, count=5, period="month"))


def test_pay_and_a_monthly_repayment_are_a_budget_not_a_loan(assistant):
    """"月薪…每个月要还…" tells what comes in and goes out: the budget, not a loan's figures to complete."""
    from bot.core.dialogue import Session
    reply = assistant.respond(Session(user="b"), "我在工地上班 一个月到手六千三 每个月要还网贷五千多")
    assert reply.mode == "answer" and not reply.loan_ask and reply.rate is None
    assert "financial_planning" in [t for h in reply.hits[:3] for t in h.passage.topics]


@pytest.mark.parametrize("text", ["帮我写一封投诉信", "能不能帮我写封信给平台 让他们别再打我家人电话", "can you write me a letter to the lender"])
def test_asking_for_a_letter_in_words_starts_the_letter_tool(assistant, text):
    turn = assistant.respond(Session(user="lt"), text)
    assert isinstance(turn, Turn) and turn.pages[0].name == "tool_intro.j2" and turn.pages[0].values["tool"] == "letter"


def test_a_letter_to_family_does_not_start_the_letter_tool(assistant):
    assert not isinstance(assistant.respond(Session(user="lf"), "帮我写一封信给我妈"), Turn)


def test_a_resignation_letter_is_not_the_letter_tool(assistant):
    assert not isinstance(assistant.respond(Session(user="lr"), "你能帮我写份辞职信吗"), Turn)
