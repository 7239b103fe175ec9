"""Ingesting the scraped seed article reproduces the committed passages, apart from the hand repairs."""

from __future__ import annotations

import yaml

from bot.config import ROOT
from bot.knowledge.ingest import GLOSS, clean_lines, ingest

RAW = ROOT / "knowledge" / "sources" / "raw" / "000_fb0ba0f4e38f9d34.txt"
COMMITTED = ROOT / "knowledge" / "article" / "fb0ba0f4-microloan-collection.yaml"


def test_ingest_reproduces_committed_passages_apart_from_repairs():
    fresh = {e["id"]: e for e in ingest(RAW)}
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert list(fresh) == [e["id"] for e in committed]
    for entry in committed:
        text = fresh[entry["id"]]["text"]
        for repair in entry.get("repairs", []):
            assert repair["was"] in text, (entry["id"], repair["was"])
            text = text.replace(repair["was"], repair["now"])
        assert text == entry["text"]
        assert fresh[entry["id"]]["title"] == entry["title"]


def test_cleaning_drops_glosses_converts_script_and_removes_chrome():
    lines = clean_lines(RAW.read_text(encoding="utf-8"))
    text = "\n".join(lines)
    assert "(hù)" not in text and "用户" in text and "應對" not in text
    body = "\n".join(e["text"] for e in ingest(RAW))
    for chrome in ["15070879527", "qq.com", "延伸阅读", "最新文章", "随机看看", "作者", "小编导语", "声明"]:
        assert chrome not in body
    assert "随着" in body  # 隨著 becomes 随着, not 随著


def test_gloss_pattern_keeps_real_parentheses():
    assert GLOSS.sub("", "小额贷款(小额贷) 用户(hù) 问(wèn) APP(应用)") == "小额贷款(小额贷) 用户 问 APP(应用)"


def test_sections_are_titled_with_their_heading_path():
    titles = [e["title"] for e in ingest(RAW)]
    assert "小额贷又开始催收了该如何应对 › 二、小额贷催收的现状 › 2.1 催收方式的多样化" in titles
    assert titles[0].endswith("导语") and titles[-1].endswith("总结")
