"""The committed knowledge base is valid, quotes the law word for word, and errors point at the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ROOT
from bot.knowledge.loader import KnowledgeError, load_knowledge
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
