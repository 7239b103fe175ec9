"""The committed knowledge base is valid, quotes the law word for word, and errors point at the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import json
import re

from bot.config import ROOT
from bot.knowledge.loader import LENDERS, KnowledgeError, Passage, load_knowledge
from bot.knowledge.legal_texts import quote_problem

LAW_DIR = ROOT / "knowledge" / "sources" / "law"
TOPICS_MD_IDS = {
    "about_microloans", "collection_methods", "third_party_contact", "threats_insults", "home_visit",
    "call_bombing", "fake_legal_threats", "privacy_leak", "interest_fees", "illegal_debt", "negotiation",
    "credit_record", "lawsuit_enforcement", "evidence", "complaints", "police", "legal_aid", "scam",
    "family_liability", "financial_planning", "mental_health", "lender_duties",
}


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(ROOT / "knowledge")


def test_topics_match_the_evaluation_topics(knowledge):
    assert set(knowledge.topics) == TOPICS_MD_IDS


def test_every_topic_has_passages(knowledge):
    covered = {t for p in knowledge.passages for t in p.topics}
    assert covered == TOPICS_MD_IDS


def test_at_least_forty_law_passages_each_quoting_word_for_word(knowledge):
    laws = [p for p in knowledge.passages if p.kind == "law"]
    assert len(laws) >= 40
    problems = {p.id: quote_problem(LAW_DIR, p.source, p.citation.article, p.quote) for p in laws}
    assert {k: v for k, v in problems.items() if v} == {}


def test_required_laws_are_covered(knowledge):
    cited = {(p.source, p.citation.article) for p in knowledge.passages if p.citation}
    for needed in [("刑法.md", "第二百九十三条之一"), ("民法典-合同编.md", "第六百八十条"),
                   ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md", "第二十五条"),
                   ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md", "第二十六条"),
                   ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md", "第二十八条"),
                   ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md", "第二十九条"),
                   ("民事诉讼法(2023-09-01).md", "第二百二十七条"), ("治安管理处罚法(2012-10-26).md", "第四十二条")]:
        assert needed in cited
    sources = {p.source for p in knowledge.passages}
    for law in ["个人信息保护法(2021-08-20).md", "消费者权益保护法(2013-10-25).md", "征信业管理条例(2013-01-21).md",
                "法律援助法(2021-08-20).md", "反电信网络诈骗法(2022-09-02).md", "民法典-人格权编.md",
                "最高人民法院关于新民间借贷司法解释适用范围问题的批复.md"]:
        assert law in sources


def test_quote_checker_catches_a_changed_word():
    assert quote_problem(LAW_DIR, "刑法.md", "第二百九十三条之一", "（三）恐吓、跟踪、骚扰他人的。") is None
    assert "not word for word" in quote_problem(LAW_DIR, "刑法.md", "第二百九十三条之一", "（三）恐吓、跟踪他人的。")
    assert "has no" in quote_problem(LAW_DIR, "刑法.md", "第九千条", "任何文字")


def test_a_quote_that_leaves_out_the_start_or_the_end_of_its_article_must_say_so():
    # walk 56: 民事诉讼法 第一百二十条 quoted without its first sentence, 第二百二十五条 ending at "：" with its list left
    # out, under a note that says "“……”处有省略"
    start = "任何单位和个人采取非法拘禁他人或者非法私自扣押他人财产追索债务的，应当依法追究刑事责任，或者予以拘留、罚款。"
    assert "leaves out the start" in quote_problem(LAW_DIR, "民事诉讼法(2023-09-01).md", "第一百二十条", start)
    assert quote_problem(LAW_DIR, "民事诉讼法(2023-09-01).md", "第一百二十条", "……\n" + start) is None
    assert "leaves out the end" in quote_problem(LAW_DIR, "刑法.md", "第二百九十三条之一", "（一）使用暴力、胁迫方法的；")
    assert quote_problem(LAW_DIR, "刑法.md", "第二百九十三条之一", "（三）恐吓、跟踪、骚扰他人的。") is None  # its last item


def test_guides_and_channels_carry_a_checked_date(knowledge):
    assert all(p.checked for p in knowledge.passages if p.kind == "guide")
    assert all(c.checked for c in knowledge.channels.values())
    assert knowledge.checked


def test_2012_public_security_law_is_cited_as_the_2012_version(knowledge):
    for p in knowledge.passages:
        if p.source == "治安管理处罚法(2012-10-26).md":
            assert "2012" in p.citation.law and "2012" in p.citation.version


def _break(knowledge_dir: Path, old: str, new: str, file: str = "guide/help.yaml") -> str:
    path = knowledge_dir / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_dir)
    return str(caught.value)


def test_unknown_topic_names_file_entry_and_fix(knowledge_copy):
    message = _break(knowledge_copy, "topics: [evidence]", "topics: [evidense]")
    assert "guide/help.yaml" in message and "guide-evidence-recording" in message
    assert "evidense" in message and "knowledge/topics.yaml" in message


def test_missing_checked_date_is_reported(knowledge_copy):
    message = _break(knowledge_copy, "  checked: 2026-11-28\n", "", )
    assert "guide-evidence-recording" in message and "'checked'" in message and "2026-11-28" in message


def test_duplicate_id_is_reported(knowledge_copy):
    message = _break(knowledge_copy, "id: guide-evidence-keeping", "id: guide-evidence-recording")
    assert "already used" in message and "guide-evidence-recording" in message


def test_law_without_citation_is_reported(knowledge_copy):
    message = _break(knowledge_copy, "  citation: {law: 中华人民共和国刑法, article: 第二百三十八条",
                     "  citatoin: {law: 中华人民共和国刑法, article: 第二百三十八条", file="law/criminal.yaml")
    assert "law-criminal-238" in message and "'citation'" in message


def test_broken_yaml_names_the_line(knowledge_copy):
    message = _break(knowledge_copy, "- id: guide-police\n", "- id: guide-police\n   bad: [\n")
    assert "guide/help.yaml line" in message and "not valid YAML" in message


def test_a_shared_condition_is_written_once_and_read_by_every_passage_that_names_it(knowledge_copy):
    # "发工资那天还" is a repayment plan, not wages taken by a court: the two passages on wages taken both step
    # aside for it, through the one condition they name (conditions.yaml, payday)
    knowledge = load_knowledge(knowledge_copy)
    naming = [p for p in knowledge.passages if "发工资" in p.unless]
    assert {p.id for p in naming} == {"guide-salary-deduction", "law-civpro-254"}
    assert not any(p.fits("等下个月发工资那天再还一部分") for p in naming)
    conditions = knowledge_copy / "conditions.yaml"
    conditions.write_text(conditions.read_text(encoding="utf-8").replace("(发工资|领工资", "(出粮|领工资", 1),
                          encoding="utf-8")
    changed = [p for p in load_knowledge(knowledge_copy).passages if p.id in {x.id for x in naming}]
    assert all(p.fits("等下个月发工资那天再还一部分") for p in changed)


def test_an_unknown_condition_names_file_entry_field_and_the_names_there_are(knowledge_copy):
    message = _break(knowledge_copy, 'unless: "{payday}"', 'unless: "{pay_day}"', file="guide/situations.yaml")
    assert "guide/situations.yaml" in message and "guide-salary-deduction" in message and "'unless'" in message
    assert "{pay_day}" in message and "conditions.yaml" in message and "payday" in message


# --- issue 10: lenders, caveats, source status, readings ---------------------------------------------

LENDING = "最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md"
REFUSE = re.compile("拒付|可以不付|拒绝支付|不用付|可以不还")


def test_at_least_140_passages_with_short_steps(knowledge):
    assert len(knowledge.passages) >= 140
    for p in knowledge.passages:
        assert len(p.steps) <= 3 and all(len(step) <= 40 for step in p.steps), p.id


def test_the_laws_behind_the_exceptions_are_quoted(knowledge):
    cited = {(p.source, p.citation.article) for p in knowledge.passages if p.citation}
    for needed in [("民法典-总则编.md", "第一百五十七条"), ("民法典-总则编.md", "第一百九十二条"),
                   ("民法典-总则编.md", "第一百九十五条"), ("民法典-合同编.md", "第六百七十条"),
                   ("民法典-婚姻家庭编.md", "第一千零六十四条"), ("民法典-继承编.md", "第一千一百六十一条"),
                   ("律师法(2017-09-01).md", "第五十五条"), ("刑法.md", "第一百九十六条"), ("刑法.md", "第三百一十三条"),
                   ("民事诉讼法(2023-09-01).md", "第一百一十四条"),
                   ("治安管理处罚法(2025-06-27)-第五十条摘录.md", "第五十条")]:
        assert needed in cited, needed


def test_excerpt_quotes_are_checked_against_the_excerpt_words_only():
    excerpt = "治安管理处罚法(2025-06-27)-第五十条摘录.md"
    assert quote_problem(LAW_DIR, excerpt, "第五十条", "……\n多次发送淫秽、侮辱、恐吓等信息或者采取滋扰、纠缠、跟踪等方法，干扰他人正常生活的；\n……") is None
    assert "not word for word" in quote_problem(LAW_DIR, excerpt, "第五十条", "本法自2026年1月1日起施行。")
    assert "not word for word" in quote_problem(LAW_DIR, excerpt, "第五十条", "it has not been compared with the official gazette")


def test_sources_not_in_force_or_excerpts_carry_a_caveat_that_says_so(knowledge):
    old = [p for p in knowledge.passages if p.source == "治安管理处罚法(2012-10-26).md"]
    assert old and all("2012年版" in p.caveat and "取代" in p.caveat for p in old)
    assert all("已失效" in p.title for p in old)
    new = [p for p in knowledge.passages if p.source.startswith("治安管理处罚法(2025")]
    assert new and all("摘录" in p.caveat for p in new)


def test_private_lending_rules_name_their_lenders(knowledge):
    by_id = {p.id: p for p in knowledge.passages}
    for p in knowledge.passages:
        if p.source == LENDING and p.citation.article != "第一条":
            assert p.lenders == ("private",), p.id
    assert by_id["law-lending-1"].lenders == by_id["law-lending-reply-2020"].lenders == ("licensed",)
    assert by_id["law-lending-25"].applies_to("private") and not by_id["law-lending-25"].applies_to("licensed")
    assert by_id["law-lending-25"].applies_to("unknown") and by_id["law-civil-670"].applies_to("licensed")
    assert all(set(p.lenders) <= set(LENDERS) for p in knowledge.passages)


def test_nothing_a_licensed_borrower_sees_says_refuse_to_pay(knowledge):
    for p in knowledge.passages:
        if p.applies_to("licensed"):
            assert not REFUSE.search(" ".join([*p.steps, p.caveat or ""])), p.id


def test_upfront_interest_cites_670_not_680(knowledge):
    for p in knowledge.passages:
        if "砍头息" in p.title:
            assert "第六百八十条" not in p.source + p.text, p.id
    assert any(p.citation and p.citation.article == "第六百七十条" for p in knowledge.passages)


def test_fake_lawyer_letters_point_to_the_lawyers_law(knowledge):
    by_id = {p.id: p for p in knowledge.passages}
    assert "律师法" in by_id["law-criminal-280"].caveat and "律师" not in " ".join(by_id["law-criminal-280"].asks)
    assert "第五十五条" in by_id["guide-lawyer-letter"].text and "第二百八十条" not in by_id["guide-lawyer-letter"].source
    assert "告诉的才处理" in by_id["law-criminal-246"].quote and "自诉" in by_id["law-criminal-246"].caveat


def test_topic_readings_are_short_and_conditional(knowledge):
    absolute = re.compile("不会因为还不上钱坐牢|没有替你还钱的义务|可以不付|这不合法")
    for topic in knowledge.topics.values():
        for reading in [topic.reading, *topic.lender_readings.values()]:
            assert len(reading) <= 70 and reading.count("。") <= 2 and not absolute.search(reading), topic.id
    for needed in ("interest_fees", "illegal_debt"):
        readings = knowledge.topics[needed].lender_readings
        assert set(readings) == {"licensed", "private"}
        assert "本金" in readings["private"] and "四倍" in readings["private"]
        assert not REFUSE.search(readings["licensed"]) and "投诉" in readings["licensed"]
    assert knowledge.topics["interest_fees"].reading_for("licensed") == knowledge.topics["interest_fees"].lender_readings["licensed"]
    assert knowledge.topics["evidence"].reading_for("private") == knowledge.topics["evidence"].reading


def test_records_carry_lenders_and_caveats(knowledge):
    for p in knowledge.passages:
        assert Passage.from_record(json.loads(json.dumps(p.to_record(), ensure_ascii=False))) == \
            Passage(**{**p.__dict__, "repairs": ()})
    records = [json.loads(line) for line in (ROOT / "index" / "passages.jsonl").read_text().splitlines()]
    by_id = {r["id"]: r for r in records}
    assert by_id["law-lending-25"]["lenders"] == ["private"] and "持牌" in by_id["law-lending-25"]["caveat"]
    assert by_id["guide-evidence-keeping"]["lenders"] == [] and "caveat" not in by_id["guide-evidence-keeping"]


CAVEAT_42 = ("  caveat: 2012年版，已被2025年修订版取代（2026年1月1日起施行），条文序号已变：多次发送侮辱、恐吓等信息的规定在新版"
             "第五十条；新法仍处罚这些行为。\n")


def test_missing_caveat_on_a_replaced_law_names_file_entry_field_and_fix(knowledge_copy):
    message = _break(knowledge_copy, CAVEAT_42,
                     "", file="law/credit_procedure_help.yaml")
    assert "law/credit_procedure_help.yaml" in message and "law-police-2012-42" in message
    assert "field 'caveat' is missing" in message and "no longer in force" in message and "2012年版、取代" in message


def test_caveat_that_hides_the_replacement_is_refused(knowledge_copy):
    message = _break(knowledge_copy, CAVEAT_42,
                     "  caveat: 这是治安管理处罚法的规定。\n", file="law/credit_procedure_help.yaml")
    assert "law-police-2012-42" in message and "field 'caveat' must say 2012年版、取代" in message


def test_excerpt_without_excerpt_caveat_is_refused(knowledge_copy):
    message = _break(knowledge_copy, "  caveat: 摘录：", "  caveat: 说明：", file="law/credit_procedure_help.yaml")
    assert "law-police-2025-50" in message and "only an excerpt" in message and "摘录" in message


def test_unknown_lender_type_names_the_fix(knowledge_copy):
    message = _break(knowledge_copy, "  lenders: [licensed]\n  caveat: 持牌机构不适用", "  lenders: [bank]\n  caveat: 持牌机构不适用",
                     file="law/lending.yaml")
    assert "law/lending.yaml" in message and "law-lending-1" in message and "'lenders'" in message
    assert "licensed and/or private" in message


def test_long_step_and_multiline_caveat_are_refused(knowledge_copy):
    message = _break(knowledge_copy, "    - 截图保存借款APP的隐私政策和当时的授权内容。\n",
                     "    - " + "很长的一步" * 10 + "\n", file="law/civil_code.yaml")
    assert "law-civil-1035" in message and "more than 40; shorten it" in message
    message = _break(knowledge_copy, "  caveat: 要达到“严重精神损害”，一般需要病历、诊断等证明。\n",
                     "  caveat: |-\n    第一行\n    第二行\n", file="law/civil_code.yaml")
    assert "law-civil-1183" in message and "'caveat' must be one line" in message


def test_lender_readings_need_both_lenders(knowledge_copy):
    path = knowledge_copy / "topics.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("interest_fees:")
    cut = text.index("    private:", start)
    path.write_text(text[:cut] + text[text.index("\n", cut) + 1:], encoding="utf-8")
    with pytest.raises(KnowledgeError, match="topic 'interest_fees' field 'lender_readings' needs exactly licensed, private"):
        load_knowledge(knowledge_copy)


def test_status_file_naming_a_missing_source_is_reported(knowledge_copy):
    path = knowledge_copy / "sources" / "law" / "status.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "不存在的法律.md: {in_force: false}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="entry '不存在的法律.md': there is no such file"):
        load_knowledge(knowledge_copy)



# --- issue 9: English fields ------------------------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
REFUSE_EN = re.compile(r"refuse to (re)?pay|stop (re)?paying|skip (re)?paying|no need to repay|"
                       r"(don't|do not) (have|need) to repay", re.I)


def test_everything_the_bot_writes_has_english(knowledge):
    for p in knowledge.passages:
        assert p.title_en and len(p.steps_en) == len(p.steps), p.id
        assert bool(p.caveat_en) == bool(p.caveat), p.id
        assert bool(p.gist_en) == (p.kind == "law"), p.id
    for topic in knowledge.topics.values():
        assert topic.label_en and topic.reading_en, topic.id
    for channel in knowledge.channels.values():
        assert channel.name_en and channel.note_en, channel.key
        assert bool(channel.contact_en) == bool(CJK.search(channel.contact)), channel.key


def test_english_fields_are_short_plain_english(knowledge):
    for p in knowledge.passages:
        for line in [p.title_en, *p.steps_en, p.caveat_en or "", p.gist_en or ""]:
            # Chinese only for a law's name once, e.g. "Civil Code (民法典) Article 1033"
            assert len(CJK.findall(line)) <= 25 and "\n" not in line, (p.id, line)
        assert all(len(step) <= 90 for step in p.steps_en), p.id
        if p.gist_en:
            assert "Article" in p.gist_en or "item" in p.gist_en, p.id
            assert CJK.search(p.gist_en.split(":")[0]), p.id  # the law's Chinese name, once, before the gist
    for topic in knowledge.topics.values():
        assert not CJK.search(topic.reading_en) and len(re.findall(r"[.!?](?:\s|$)", topic.reading_en)) <= 2, topic.id
        if re.search("一般|通常", topic.reading):  # conditional in Chinese: conditional in English
            assert re.search(r"\b(usually|generally|often|may)\b", topic.reading_en), topic.id


def test_one_chinese_step_has_one_english_step(knowledge):
    """Replies drop a step already shown by comparing text, so a shared step must read the same in English."""
    seen: dict[str, str] = {}
    for p in knowledge.passages:
        for zh, en in zip(p.steps, p.steps_en):
            assert seen.setdefault(zh, en) == en, (p.id, zh)


def test_nothing_a_licensed_borrower_reads_in_english_says_refuse_to_pay(knowledge):
    for p in knowledge.passages:
        if p.applies_to("licensed"):
            assert not REFUSE_EN.search(" ".join([*p.steps_en, p.caveat_en or ""])), p.id


def test_every_passage_has_english_asks_not_copied_from_the_test_sets(knowledge):
    written = "\n".join(path.read_text(encoding="utf-8").lower() for path in (ROOT / "tests" / "data").iterdir())
    for p in knowledge.passages:
        english = [a for a in p.asks if not CJK.search(a)]
        # at least two so English reaches every passage; a dozen at most so English views don't outnumber Chinese
        assert 2 <= len(english) <= 12, p.id
        assert not [a for a in english if a.lower() in written], p.id


def test_index_records_carry_the_english_fields(knowledge):
    records = {r["id"]: r for r in map(json.loads, (ROOT / "index" / "passages.jsonl").read_text().splitlines())}
    for p in knowledge.passages:
        record = records[p.id]
        assert record["title_en"] == p.title_en and record["steps_en"] == list(p.steps_en), p.id
        assert record.get("gist_en") == p.gist_en and record.get("caveat_en") == p.caveat_en, p.id


def test_missing_english_title_names_file_entry_field_and_fix(knowledge_copy):
    message = _break(knowledge_copy, "  title_en: Can you record collection calls? How to do it\n", "")
    assert "guide/help.yaml" in message and "guide-evidence-recording" in message
    assert "field 'title_en' is missing" in message and "plain English" in message


def test_english_steps_must_match_the_steps_one_for_one(knowledge_copy):
    message = _break(knowledge_copy, "    - After important calls, write down the main points.\n", "")
    assert "guide-evidence-recording" in message and "'steps_en' has 2 lines but 'steps' has 3" in message
    assert "one short plain-English line for each step" in message


def test_long_english_step_is_refused(knowledge_copy):
    message = _break(knowledge_copy, "    - After important calls, write down the main points.\n",
                     "    - " + "a very long step " * 8 + "\n")
    assert "guide-evidence-recording" in message and "step 3 in 'steps_en' is" in message and "shorten it" in message


def test_chinese_in_an_english_field_is_refused(knowledge_copy):
    message = _break(knowledge_copy, "  title_en: Can you record collection calls? How to do it\n",
                     "  title_en: 催收电话可以录音吗？怎么录\n")
    assert "guide-evidence-recording" in message and "'title_en' looks like Chinese" in message


def test_caveat_and_gist_need_english(knowledge_copy):
    civil = "law/civil_code.yaml"
    message = _break(knowledge_copy, "  caveat_en: To count as 'serious emotional harm'", "  caveat_zh: To count", file=civil)
    assert "law-civil-1183" in message and "field 'caveat_en' is missing" in message
    message = _break(knowledge_copy, "  gist_en: \"Civil Code (民法典) Article 1165:", "  gist: \"Civil Code (民法典) Article 1165:",
                     file=civil)
    assert "law-civil-1165" in message and "field 'gist_en' is missing" in message and "one-line English gist" in message
    message = _break(knowledge_copy, "  title_en: Can you record collection calls? How to do it\n",
                     "  title_en: Can you record collection calls? How to do it\n  caveat_en: Only sometimes.\n")
    assert "guide-evidence-recording" in message and "'caveat_en' is set but there is no 'caveat'" in message


def test_english_caveat_of_a_replaced_law_must_say_so(knowledge_copy):
    message = _break(knowledge_copy, "  caveat_en: \"2012 version, no longer in force: replaced",
                     "  caveat_en: \"2012 version, replaced", file="law/credit_procedure_help.yaml")
    assert "law-police-2012-42" in message and "'caveat_en' must say 'no longer in force'" in message


def test_topics_and_channels_need_english(knowledge_copy):
    for file, old in (("topics.yaml", "  label_en: Interest and fees\n"), ("channels.yaml", "note_en: Harassing calls and text messages, ")):
        path = knowledge_copy / file
        path.write_text(path.read_text(encoding="utf-8").replace(old, "", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    message = str(caught.value)
    assert "topic 'interest_fees' field 'label_en' is missing" in message and "short English label" in message
    assert "channel 'report_12321' field 'note_en' is missing" in message


def test_check_reports_every_missing_english_field_at_once(knowledge_copy):
    path = knowledge_copy / "law" / "lending.yaml"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("  title_en:", "  gist_en:"))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    entries = len([line for line in kept if line.startswith("- id:")])
    assert sum("'title_en' is missing" in line for line in caught.value.problems) == entries
    assert sum("'gist_en' is missing" in line for line in caught.value.problems) == entries


def test_a_broken_unless_pattern_names_file_entry_and_fix(knowledge_copy):
    message = _break(knowledge_copy, '  unless: "{guarantor_said}|共同借款人', '  unless: "({guarantor_said}|共同借款人',
                     file="law/civil_code.yaml")
    assert "law/civil_code.yaml" in message and "law-civil-465" in message
    assert "field 'unless' is not a valid pattern" in message and "担保|保证人" in message


def test_a_passage_is_kept_from_messages_that_name_its_exception(knowledge):
    family = next(p for p in knowledge.passages if p.id == "law-civil-465")
    assert family.fits("催收让我爸妈替我还钱") and not family.fits("我给同学的贷款签了担保，现在催收找我")


def test_a_situations_reading_needs_its_situation_and_an_english_line(knowledge_copy):
    message = _break(knowledge_copy, "  only_if: 收车|拖车", "  only_iff: 收车|拖车", file="guide/situations.yaml")
    assert "guide-car-collateral" in message and "field 'reading' is for situational passages" in message
    assert "add 'only_if'" in message
    message = _break(knowledge_copy, "  reading_en: \"Debt is no", "  reading_cn: \"Debt is no",
                     file="guide/harassment.yaml")
    assert "guide-employer-dismissal" in message and "field 'reading_en' is missing" in message


def test_quote_checker_asks_for_a_gap_line_where_a_paragraph_is_left_out():
    # walk 50: 刑法 第二百三十八条 jumped from its first paragraph to "依照前两款的规定处罚" with nothing to show the second
    # (the sentences for injury and death) was left out
    first = "非法拘禁他人或者以其他方法非法剥夺他人人身自由的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利。具有殴打、侮辱情节的，从重处罚。"
    last = "为索取债务非法扣押、拘禁他人的，依照前两款的规定处罚。"
    assert "'……'" in quote_problem(LAW_DIR, "刑法.md", "第二百三十八条", f"{first}\n{last}")
    assert quote_problem(LAW_DIR, "刑法.md", "第二百三十八条", f"{first}\n……\n{last}\n……") is None


def test_a_channels_lenders_must_be_licensed_or_private(knowledge_copy):
    message = _break(knowledge_copy, "lenders: [licensed], checked: 2026-11-28}", "lenders: [bank], checked: 2026-11-28}",
                     file="channels.yaml")
    assert "channel 'nfra_12378' field 'lenders' is ['bank']" in message and "licensed and/or private" in message


@pytest.mark.parametrize("unless, expected", [
    ('unless: "信用卡|(银行"', "channel 'local_financial' field 'unless' is not a valid pattern"),
    ('unless: "{bank_lenders}"', "{bank_lenders}, which is not in knowledge/conditions.yaml")])
def test_a_channels_unless_must_be_a_pattern_or_a_named_condition(knowledge_copy, unless, expected):
    message = _break(knowledge_copy, 'unless: "{bank_lender}"', unless, file="channels.yaml")
    assert "channels.yaml" in message and expected in message


def test_the_local_regulator_is_not_for_banks(knowledge):
    local = knowledge.channels["local_financial"]
    assert not local.takes("licensed", "招行信用卡的催收打到我单位") and local.takes("licensed", "小贷公司的催收打到我单位")
    assert local.takes("licensed", "把网贷的钱打到我的银行卡里")  # a bank card that received a loan is not a bank's loan
